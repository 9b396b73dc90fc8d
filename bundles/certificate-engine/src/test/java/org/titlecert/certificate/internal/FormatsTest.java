package org.titlecert.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.titlecert.template.CertificateRenderer;
import org.titlecert.template.CertificateTemplate;

class FormatsTest {

    private static CertificateTemplate template(String id) {
        return new CertificateTemplate() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String revision() {
                return "1.0.0/a";
            }

            @Override
            public CertificateRenderer newRenderer() {
                throw new UnsupportedOperationException();
            }
        };
    }

    private final Templates pdf = new Templates(CertificateTemplate.PDF);
    private final Templates ofd = new Templates(CertificateTemplate.OFD);

    private void register(CertificateTemplate t, Map<String, Object> props) {
        pdf.add(t, props);
        ofd.add(t, props);
    }

    @Test
    void eachRegionIssuesWhatItsEntrySays() {
        Formats formats = new Formats(pdf, ofd, new String[] {"pdf", "34 = PDF, OFD", "35=pdf", "37=ofd"});
        assertThat(formats.ofd("34")).isTrue();
        assertThat(formats.pdf("34")).isTrue();
        assertThat(formats.ofd("35")).isFalse();
        assertThat(formats.ofd("36")).as("the entry for every region").isFalse();
        assertThat(formats.pdf("36")).isTrue();
        assertThat(formats.ofd("37")).as("OFD only").isTrue();
        assertThat(formats.pdf("37")).as("OFD only").isFalse();
        assertThat(new Formats(pdf, ofd, new String[] {"pdf,ofd", "35=pdf"}).ofd("36")).isTrue();
        assertThat(new Formats(pdf, ofd, new String[] {"ofd"}).pdf("36")).as("OFD only everywhere").isFalse();
        assertThat(new Formats(pdf, ofd, new String[] {"xml"}).pdf("36")).as("no format named: PDF").isTrue();
        Formats oneLine = new Formats(pdf, ofd, new String[] {"pdf; 34=pdf,ofd; 35=ofd"});
        assertThat(oneLine.ofd("34")).as("a .cfg file's one string").isTrue();
        assertThat(oneLine.pdf("35")).isFalse();
        assertThat(oneLine.ofd("36")).isFalse();
    }

    @Test
    void anOfdOnlyRegionIsMadeWithTheOfdTemplateAloneAndNothingWithoutOne() {
        Formats formats = new Formats(pdf, ofd, new String[] {"pdf,ofd; 34=ofd"});
        CertificateTemplate paper = template("default");
        register(paper, Map.of(CertificateTemplate.REGION, "*"));
        assertThat(formats.any()).isTrue();
        assertThat(formats.plan("34")).as("no OFD template: nothing can be made").isEmpty();
        assertThat(formats.plan("35").orElseThrow().key()).isEqualTo("default@1.0.0/a");
        CertificateTemplate national = template("default-ofd");
        register(national, Map.of(CertificateTemplate.REGION, "*", CertificateTemplate.FORMAT, "ofd"));
        Formats.Plan plan = formats.plan("34").orElseThrow();
        assertThat(plan.pdf()).isNull();
        assertThat(plan.main().template()).isSameAs(national);
        assertThat(plan.key()).isEqualTo("default-ofd@1.0.0/a")
                .isNotEqualTo(formats.plan("35").orElseThrow().key());
        assertThat(formats.plan("35").orElseThrow().main().template()).isSameAs(paper);
    }

    @Test
    void theOfdTemplateJoinsThePlanWhereTheRegionIssuesOfdAndChangesItsKey() {
        Formats formats = new Formats(pdf, ofd, new String[] {"34=pdf,ofd"});
        assertThat(formats.plan("34")).as("no PDF template: nothing can be made").isEmpty();
        CertificateTemplate paper = template("default");
        register(paper, Map.of(CertificateTemplate.REGION, "*"));
        assertThat(formats.plan("34").orElseThrow().ofd()).as("no OFD template yet").isNull();
        String before = formats.plan("34").orElseThrow().key();
        CertificateTemplate national = template("default-ofd");
        register(national, Map.of(CertificateTemplate.REGION, "*", CertificateTemplate.FORMAT, "ofd"));
        Formats.Plan plan = formats.plan("34").orElseThrow();
        assertThat(plan.pdf().template()).as("an OFD template never makes the PDF").isSameAs(paper);
        assertThat(plan.ofd().template()).isSameAs(national);
        assertThat(plan.key()).isEqualTo("default@1.0.0/a + default-ofd@1.0.0/a").isNotEqualTo(before);
        assertThat(formats.plan("35").orElseThrow().ofd()).as("a region issuing PDF only").isNull();
        assertThat(formats.contains(plan.ofd())).isTrue();
        pdf.remove(national);
        ofd.remove(national);
        assertThat(formats.plan("34").orElseThrow().key()).as("the OFD template left").isEqualTo(before);
    }
}
