package org.titlecert.identity;

import java.util.List;

/** The choices the registration form offers, as the national standards name them. */
public final class ProfileOptions {

    /** 政治面貌 (GB/T 4762). */
    public static final List<String> POLITICAL_STATUS = List.of("中共党员", "中共预备党员", "共青团员", "民革党员",
            "民盟盟员", "民建会员", "民进会员", "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众");

    /** 民族 (GB 3304). */
    public static final List<String> ETHNICITY = List.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族",
            "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族",
            "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族",
            "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
            "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他");

    /** 最高学历. */
    public static final List<String> EDUCATION = List.of("博士研究生", "硕士研究生", "大学本科", "大学专科", "中等专科",
            "高中", "初中及以下");

    /** 获得学位. */
    public static final List<String> DEGREE = List.of("博士", "硕士", "学士", "无");

    private ProfileOptions() {
    }
}
