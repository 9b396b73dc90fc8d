package org.titlecert.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds what tests send: filings, rosters with valid ID numbers, PDFs. */
public final class TestFixtures {

    public static final String HEADER = "姓名,身份证号码,性别,出生日期,工作单位,系列,专业,职称名称,职称级别,取得时间\n";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String GIVEN = "明华强军平志刚建国玉兰秀英桂芳丽娟海燕文博子轩思远雨涵";

    private TestFixtures() {
    }

    /** A valid resident ID number: Hefei region, the given birth date, a sequence whose parity gives the gender. */
    public static String idNumber(LocalDate birth, int seq, boolean male) {
        int s = (seq % 500) * 2 + (male ? 1 : 0);
        String first17 = "340104" + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), s);
        return first17 + org.titlecert.api.ResidentId.checkChar(first17);
    }

    /** A roster of {@code n} distinct valid people, CSV in UTF-8. */
    public static String roster(int n) {
        return roster(n, 0);
    }

    /** A roster of {@code n} people numbered from {@code offset}: the same offset gives the same people. */
    public static String roster(int n, int offset) {
        return HEADER + String.join("", rows(n, offset));
    }

    public static List<String> rows(int n, int offset) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = offset + i;
            boolean male = k % 2 == 0;
            LocalDate birth = LocalDate.of(1970 + k % 25, 1 + k % 12, 1 + k % 28);
            rows.add(String.join(",", (male ? "王" : "李") + GIVEN.charAt(k % GIVEN.length())
                    + GIVEN.charAt(k / GIVEN.length() % GIVEN.length()), idNumber(birth, k / 700 + k, male),
                    male ? "男" : "女", birth.toString(), "合肥市测试单位" + (k % 5), "会计人员", "会计", "会计师", "中级",
                    "2021-12-20") + "\n");
        }
        return rows;
    }

    public static long committee(Api api, String code) {
        return idOf(api.get("/api/v1/committees").json(), code);
    }

    public static long authority(Api api, String code) {
        return idOf(api.get("/api/v1/issuing-authorities").json(), code);
    }

    private static long idOf(JsonNode list, String code) {
        for (JsonNode n : list) {
            if (n.get("code").asText().equals(code)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError("no " + code + " in " + list);
    }

    public static String uniqueNumber(String prefix) {
        return prefix + "〔" + SEQ.incrementAndGet() + "〕" + UUID.randomUUID().toString().substring(0, 8) + "号";
    }

    /** Creates a pending filing of the demo accounting committee (unit AHCZ); returns its JSON. */
    public static JsonNode filing(Api api, String name, int year, String type) {
        return filing(api, name, year, type, "AHKJGP", "AHRS");
    }

    /** Creates a pending filing of a committee and issuing authority, by code; returns its JSON. */
    public static JsonNode filing(Api api, String name, int year, String type, String committee, String authority) {
        Api.Response r = api.post("/api/v1/filings", Map.of("name", name, "approvalNumber", uniqueNumber("测试"),
                "year", year, "type", type, "committeeId", committee(api, committee),
                "issuingAuthorityId", authority(api, authority)));
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** Creates a filing of the demo accounting committee with this roster and approval document; pending. */
    public static long filledFiling(Api api, String name, int year, String csv) {
        return filledFiling(api, filing(api, name, year, "REVIEW").get("id").asLong(), csv);
    }

    /** Fills a pending filing with this roster and an approval document; returns its id. */
    public static long filledFiling(Api api, long id, String csv) {
        expect(api.postBytes("/api/v1/filings/" + id + "/roster", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 200);
        expect(api.putBytes("/api/v1/filings/" + id + "/approval-document?filename=doc.pdf", "application/pdf",
                pdf()), 200);
        return id;
    }

    /**
     * A filing of {@code people} (roster from {@code offset}) made through {@code api}, each with the same ID photo,
     * imported as a photo ZIP through {@code photos} (the same platform, or another node of it).
     */
    public static long photographedFiling(Api api, Api photos, String name, int people, int offset,
                                          String committee, String authority) {
        long id = filledFiling(api, filing(api, name, 2024, "REVIEW", committee, authority).get("id").asLong(),
                roster(people, offset));
        byte[] zip = photoZip(personIds(api, id).keySet(), org.titlecert.photo.internal.Images.jpeg(
                org.titlecert.photo.internal.Images.halves(413, 579, new java.awt.Color(0x43, 0x8E, 0xDB),
                        java.awt.Color.WHITE)));
        JsonNode report = expect(photos.postBytes("/api/v1/photo-imports", "application/zip", zip), 200).json();
        if (report.size() != people || !report.findValuesAsText("code").stream().allMatch("OK"::equals)) {
            throw new AssertionError("photo import of " + name + ": " + report);
        }
        return id;
    }

    public static void approve(Api system, long filingId) {
        expect(system.post("/api/v1/filings/" + filingId + "/approve", ""), 200);
    }

    /** The roster's people: ID number to person id. */
    public static Map<String, Long> personIds(Api api, long filingId) {
        Map<String, Long> ids = new java.util.LinkedHashMap<>();
        for (int page = 1; ; page++) {
            JsonNode r = api.get("/api/v1/filings/" + filingId + "/roster?size=200&page=" + page).json();
            r.get("items").forEach(e -> ids.put(e.get("idNumber").asText(), e.get("personId").asLong()));
            if (page * 200 >= r.get("total").asInt()) {
                return ids;
            }
        }
    }

    /** Waits until the filing has {@code count} certificates none of which is queued; returns them. */
    public static List<JsonNode> settledCertificates(Api api, long filingId, int count) {
        return settledCertificates(api, filingId, count, 60);
    }

    /** The same, waiting at most {@code seconds}. */
    public static List<JsonNode> settledCertificates(Api api, long filingId, int count, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            List<JsonNode> all = new ArrayList<>();
            for (int page = 1; ; page++) {
                JsonNode r = api.get("/api/v1/filings/" + filingId + "/certificates?size=200&page=" + page).json();
                r.get("items").forEach(all::add);
                if (page * 200 >= r.get("total").asInt()) {
                    break;
                }
            }
            boolean settled = all.size() == count
                    && all.stream().noneMatch(c -> c.get("status").asText().equals("QUEUED"));
            if (settled) {
                return all;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("certificates of filing " + filingId + " not settled: " + all);
            }
            Platform.sleep(100);
        }
    }

    /**
     * Waits until the demo seals, which arrive a moment after the demo data, have resealed the first unit's
     * certificates and the generation queue is empty.
     */
    public static void awaitDemoSeals(Api system) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        int quiet = 0;
        while (quiet < 3) {
            boolean settled = system.get("/api/v1/seals").json().findValuesAsText("provider").size() >= 2
                    && system.get("/api/v1/certificates/queue").json().get("queued").asLong() == 0;
            quiet = settled ? quiet + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the demo seals never settled");
            }
            Platform.sleep(300);
        }
    }

    /** A ZIP of the same photo for each ID number, as a unit's bulk photo import takes it. */
    public static byte[] photoZip(java.util.Collection<String> idNumbers, byte[] photo) {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            for (String idNumber : idNumbers) {
                z.putNextEntry(new java.util.zip.ZipEntry(idNumber + ".jpg"));
                z.write(photo);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip.toByteArray();
    }

    private static Api.Response expect(Api.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + ": " + r.status() + " " + r.body());
        }
        return r;
    }

    /**
     * Signs up a local account over REST as a person does: the sign-up (202, the same answer for a taken ID
     * number), then the login; returns the session.
     */
    public static Api signUp(Api api, String idNumber, String mobile, String password) {
        Api.Response r = register(api, idNumber, mobile, password);
        if (r.status() == 429 && r.header("Retry-After") != null) {
            // this address's wrong passwords of a moment ago slow it down: wait as a person would
            Platform.sleep(1000L * Integer.parseInt(r.header("Retry-After")) + 200);
            r = register(api, idNumber, mobile, password);
        }
        expect(r, 202);
        return api.login("individual", idNumber, password);
    }

    private static Api.Response register(Api api, String idNumber, String mobile, String password) {
        String[] c = api.captcha();
        return api.post("/api/v1/auth/register", Map.of("idNumber", idNumber, "mobile", mobile, "password", password,
                "privacyConsent", true, "captchaId", c[0], "captchaAnswer", c[1]));
    }

    /**
     * A local account for a roster row's person (name, ID number, gender, birth date first), with an e-mail address,
     * signed up, its registration form completed naming AHCZ, and confirmed; returns its session.
     */
    public static Api confirmedAccount(Platform platform, String[] row, String email, String password) {
        Api system = platform.system();
        String id = row[1];
        String mobile = "1380000" + id.substring(13, 17).replace("X", "0");
        Api fresh = signUp(platform.api(), id, mobile, password);
        long unitId = system.get("/api/v1/units").json().findParents("code").stream()
                .filter(u -> u.get("code").asText().equals("AHCZ")).findFirst().orElseThrow().get("id").asLong();
        Map<String, Object> form = new java.util.LinkedHashMap<>(Map.of("realName", row[0], "idNumber", id,
                "mobile", mobile, "gender", row[2], "birthDate", row[3], "politicalStatus", "群众", "ethnicity", "汉族",
                "email", email, "address", "合肥", "workStartDate", "2008-07-01"));
        form.put("education", "大学本科");
        form.put("employerUnitId", unitId);
        expect(fresh.put("/api/v1/me/profile", form), 200);
        long account = 0;
        for (JsonNode p : system.get("/api/v1/individuals/pending?size=200").json().get("items")) {
            if (p.get("idNumber").asText().equals(id)) {
                account = p.get("accountId").asLong();
            }
        }
        expect(system.post("/api/v1/individuals/" + account + "/confirm", ""), 204);
        return platform.api().login("individual", id, password);
    }

    /**
     * A local login attempt's status, from a source address of its own: failed attempts from the tests' usual
     * address would count against it in the login throttle and slow the tests that come after.
     */
    public static int loginStatus(Platform platform, String source, String login, String password) {
        return new RawHttp(source, platform.port()).postJson("/api/v1/auth/login", "{\"kind\":\"individual\","
                + "\"login\":\"" + login + "\",\"password\":\"" + password + "\"}").status();
    }

    /** A valid one-page PDF. */
    public static byte[] pdf() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
