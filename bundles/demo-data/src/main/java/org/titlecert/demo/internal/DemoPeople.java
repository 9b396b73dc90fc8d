package org.titlecert.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.titlecert.api.Gender;
import org.titlecert.api.ResidentId;

/** Deterministic, realistic people: common Chinese names and valid Anhui resident ID numbers. */
final class DemoPeople {

    /** A generated person. */
    record Person(String name, String idNumber, Gender gender, LocalDate birthDate) {
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
        "彭", "曾", "汪", "程", "方", "江", "欧阳", "诸葛"};
    private static final String[] MALE = {"伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "浩然", "子轩",
        "建国", "志强", "国华", "文博", "宇航", "俊杰", "晓东", "海峰", "堃", "犇", "振华", "立新"};
    private static final String[] FEMALE = {"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "晓燕",
        "欣怡", "雨涵", "丽华", "秀英", "玉兰", "思琪", "佳慧", "梦瑶", "淑珍", "婉清", "雅琴"};
    /** County-level codes in Anhui: Hefei, Wuhu, Bengbu, Huainan, Ma'anshan, Anqing, Fuyang, Lu'an. */
    private static final String[] REGIONS = {"340102", "340103", "340104", "340111", "340202", "340207", "340302",
        "340404", "340503", "340802", "341202", "341502"};

    private final Random random;
    private final Set<String> issued = new HashSet<>();

    DemoPeople(long seed) {
        this.random = new Random(seed);
    }

    List<Person> next(int count) {
        List<Person> people = new ArrayList<>(count);
        while (people.size() < count) {
            Person p = one();
            if (issued.add(p.idNumber())) {
                people.add(p);
            }
        }
        return people;
    }

    private Person one() {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String[] given = gender == Gender.MALE ? MALE : FEMALE;
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + given[random.nextInt(given.length)];
        LocalDate birth = LocalDate.of(1965 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int seq = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = REGIONS[random.nextInt(REGIONS.length)]
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq);
        return new Person(name, first17 + ResidentId.checkChar(first17), gender, birth);
    }
}
