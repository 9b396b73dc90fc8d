package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.titlecert.filing.PersonTitle;
import org.titlecert.filing.Ref;

class LicenceTest {

    private static final PersonTitle TITLE = new PersonTitle(1, 2, 3, "王丽", "340111198310261587", "女",
            LocalDate.of(1983, 10, 26), "安徽江淮汽车集团股份有限公司", "会计人员", "会计", "正高级会计师", "正高级", 2022,
            LocalDate.of(2022, 12, 26), LocalDate.of(2023, 1, 31), "皖职改办〔2022〕9号", new Ref(4, "AHCZ", "安徽省财政厅"),
            new Ref(5, "AHKJGJ", "安徽省会计系列高级专业技术资格评审委员会"), new Ref(6, "AHRS", "安徽省人力资源和社会保障厅"));

    @Test
    void givesTheFieldsInTheStandardsOrderWithTheNumberMaskedByDefault() {
        Map<String, String> f = new Licence("专业技术资格证书", "11340000003048046D001", Licence.HolderCode.MASKED)
                .fields("34202201AHKJGJ00007", TITLE, "11340000003048046D");
        assertThat(f).containsExactly(
                Map.entry("证照类型名称", "专业技术资格证书"),
                Map.entry("证照类型代码", "11340000003048046D001"),
                Map.entry("证照编号", "34202201AHKJGJ00007"),
                Map.entry("持证主体", "王丽"),
                Map.entry("持证主体代码", "340111********1587"),
                Map.entry("持证主体代码类型", "公民身份号码（部分隐藏）"),
                Map.entry("发证机构", "安徽省人力资源和社会保障厅"),
                Map.entry("发证机构代码", "11340000003048046D"),
                Map.entry("颁证日期", "2023-01-31"),
                Map.entry("有效期", "长期"));
    }

    @Test
    void givesTheNumberInFullOrAsItsDigestAndLeavesOutWhatIsNotKnown() {
        Map<String, String> full = new Licence("专业技术资格证书", "", Licence.HolderCode.FULL)
                .fields("34202201AHKJGJ00007", TITLE, null);
        assertThat(full).containsEntry("持证主体代码", "340111198310261587")
                .containsEntry("持证主体代码类型", "公民身份号码")
                .doesNotContainKeys("证照类型代码", "发证机构代码");
        Map<String, String> hashed = new Licence("专业技术资格证书", "", Licence.HolderCode.HASHED)
                .fields("34202201AHKJGJ00007", TITLE, null);
        // sha256sum of the number, computed outside Java
        assertThat(hashed).containsEntry("持证主体代码",
                        "f8a064477d1667ce8d8f20caeb79779a7ffbe83204e77a9f698de7547defcbfc")
                .containsEntry("持证主体代码类型", "公民身份号码（SHA-256 摘要）");
    }
}
