package org.titlecert.demo.internal;

import java.time.LocalDate;
import java.util.List;

import org.titlecert.filing.FilingStatus;
import org.titlecert.filing.FilingType;

/**
 * What the demo platform holds: two organizing units and their filings across years, types and statuses. The
 * authorities' 统一社会信用代码 are made up (valid check characters, organisation codes beginning TC).
 */
final class DemoCatalog {

    record Unit(String code, String name, String committeeCode, String committeeName, String region,
                String authorityCode, String authorityName, String authorityCreditCode, String docPrefix,
                List<String> employers) {
    }

    record Qualification(String series, String specialty, String titleName, String level) {
    }

    /**
     * @param carryOver how many people of the unit's previous filing appear again, with a new qualification
     */
    record Filing(String unitCode, String name, String approvalNumber, int year, FilingType type,
                  FilingStatus status, String rejection, int people, int carryOver, LocalDate qualified,
                  List<Qualification> qualifications) {

        /** The approval document's date: about a month after the qualification date, as is usual. */
        LocalDate approved() {
            return qualified.plusDays(36);
        }
    }

    static final List<Unit> UNITS = List.of(
            new Unit("AHCZ", "安徽省财政厅", "AHKJGP", "安徽省会计系列高级专业技术资格评审委员会", "34",
                    "AHRS", "安徽省人力资源和社会保障厅", "11340000TC0000001K", "皖人社秘",
                    List.of("安徽江淮汽车集团股份有限公司", "合肥百货大楼集团股份有限公司", "安徽省投资集团控股有限公司",
                            "马鞍山钢铁股份有限公司", "芜湖市财政局", "安徽省立医院", "国元证券股份有限公司",
                            "安徽海螺集团有限责任公司")),
            new Unit("HFRS", "合肥市人力资源和社会保障局", "HFGCZP", "合肥市工程系列中级专业技术资格评审委员会", "3401",
                    "HFRSJ", "合肥市人力资源和社会保障局", "11340100TC0000002U", "合人社秘",
                    List.of("合肥市政设计研究总院有限公司", "安徽建工集团股份有限公司", "合肥供水集团有限公司",
                            "中铁四局集团有限公司", "合肥燃气集团有限公司", "安徽省交通规划设计研究总院股份有限公司",
                            "合肥轨道交通集团有限公司")));

    private static final Qualification ACCOUNTANT_SENIOR = new Qualification("会计人员", "会计", "高级会计师", "副高级");
    private static final Qualification ACCOUNTANT_FULL = new Qualification("会计人员", "会计", "正高级会计师", "正高级");
    private static final Qualification ACCOUNTANT = new Qualification("会计人员", "会计", "会计师", "中级");
    private static final Qualification CIVIL = new Qualification("工程技术人员", "土木工程", "工程师", "中级");
    private static final Qualification ELECTRICAL = new Qualification("工程技术人员", "电气工程", "工程师", "中级");
    private static final Qualification WATER = new Qualification("工程技术人员", "给水排水", "工程师", "中级");
    private static final Qualification ASSISTANT = new Qualification("工程技术人员", "土木工程", "助理工程师", "初级");

    static final List<Filing> FILINGS = List.of(
            new Filing("AHCZ", "2021年度全省会计系列高级职称评审", "皖职改办〔2021〕12号", 2021, FilingType.REVIEW,
                    FilingStatus.APPROVED, null, 16, 0, LocalDate.of(2021, 12, 20),
                    List.of(ACCOUNTANT_SENIOR, ACCOUNTANT_SENIOR, ACCOUNTANT_FULL)),
            new Filing("AHCZ", "2022年度全省会计系列高级职称评审", "皖职改办〔2022〕9号", 2022, FilingType.REVIEW,
                    FilingStatus.APPROVED, null, 14, 3, LocalDate.of(2022, 12, 26),
                    List.of(ACCOUNTANT_SENIOR, ACCOUNTANT_FULL)),
            new Filing("AHCZ", "2023年度会计专业技术资格考试合格人员认定", "皖职改办〔2023〕21号", 2023,
                    FilingType.EXAM, FilingStatus.PENDING, null, 10, 0, LocalDate.of(2023, 11, 30),
                    List.of(ACCOUNTANT)),
            new Filing("HFRS", "2021年度合肥市工程系列中级职称评审", "合职改〔2021〕156号", 2021, FilingType.REVIEW,
                    FilingStatus.APPROVED, null, 13, 0, LocalDate.of(2021, 12, 28),
                    List.of(CIVIL, ELECTRICAL, WATER)),
            new Filing("HFRS", "2022年度合肥市工程系列初级职称认定", "合职改〔2022〕88号", 2022, FilingType.RECOGNITION,
                    FilingStatus.REJECTED, "部分人员学历与从业年限证明材料不全，请补正后重新报送", 8, 0,
                    LocalDate.of(2022, 9, 15), List.of(ASSISTANT)),
            new Filing("HFRS", "2023年度合肥市工程系列中级职称评审", "合职改〔2023〕102号", 2023, FilingType.REVIEW,
                    FilingStatus.PENDING, null, 11, 2, LocalDate.of(2023, 12, 22),
                    List.of(CIVIL, ELECTRICAL)));

    private DemoCatalog() {
    }
}
