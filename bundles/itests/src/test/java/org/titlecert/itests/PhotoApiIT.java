package org.titlecert.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.titlecert.photo.internal.Images;

import com.fasterxml.jackson.databind.JsonNode;

/** ID photos and 我的职称 over REST: upload with crop, hostile files, access, history, bulk import. */
class PhotoApiIT {

    private static final Platform platform = Platform.shared();
    private static Api personA;
    private static Api personB;
    private static long personAId;
    private static long personBId;
    private static String idA;

    @BeforeAll
    static void people() {
        List<DemoAccounts.Account> ind = platform.accounts().all("individual");
        personA = platform.api().login("individual", ind.get(0).login(), ind.get(0).secret());
        personB = platform.api().login("individual", ind.get(2).login(), ind.get(2).secret());
        personAId = personA.get("/api/v1/me").json().get("personId").asLong();
        personBId = personB.get("/api/v1/me").json().get("personId").asLong();
        idA = ind.get(0).login();
    }

    private static Api.Response upload(Api api, String path, byte[] image, String query) {
        return api.putBytes(path + (query == null ? "" : "?" + query), "image/jpeg", image);
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Test
    void myTitlesListTheApprovedTitlesWithTheirIssueDates() {
        JsonNode titles = personA.get("/api/v1/me/titles").json();
        assertThat(titles.size()).as("the 2021 and the 2022 accounting titles").isEqualTo(2);
        assertThat(titles.findValuesAsText("year")).containsExactly("2022", "2021");
        assertThat(titles.findValuesAsText("issueDate")).containsExactly("2023-01-31", "2022-01-25");
        assertThat(titles.at("/1/titleName").asText()).isIn("高级会计师", "正高级会计师");
        assertThat(titles.at("/1/committee/name").asText()).isEqualTo("安徽省会计系列高级专业技术资格评审委员会");
        long entry = titles.at("/0/rosterEntryId").asLong();
        assertThat(personA.get("/api/v1/me/titles/" + entry).json().get("idNumber").asText()).isEqualTo(idA);
        assertThat(personB.get("/api/v1/me/titles/" + entry).status()).as("someone else's title").isEqualTo(404);

        Api unitA = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api unitB = platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret());
        assertThat(unitA.get("/api/v1/persons/" + personAId + "/titles").json().size()).isEqualTo(2);
        assertThat(unitB.get("/api/v1/persons/" + personAId + "/titles").status()).as("not B's person").isEqualTo(404);
    }

    @Test
    void anUploadIsCroppedRotatedAndNormalisedOnTheServer() throws IOException {
        byte[] landscape = Images.jpeg(Images.halves(1600, 1200, Color.RED, Color.BLUE));
        Api.Response r = upload(personA, "/api/v1/me/photo", landscape, "x=0&y=0&w=600&h=840&rotate=90");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode info = r.json();
        assertThat(info.get("width").asInt()).isEqualTo(413);
        assertThat(info.get("height").asInt()).isEqualTo(579);
        assertThat(info.get("sha256").asText()).hasSize(64);

        Api.Response got = personA.get("/api/v1/me/photo");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.contentType()).isEqualTo("image/jpeg");
        assertThat(got.header("Cache-Control")).isEqualTo("no-store");
        assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
        BufferedImage img = decode(got.bytes());
        assertThat(img.getWidth()).isEqualTo(413);
        Color centre = new Color(img.getRGB(206, 289));
        assertThat(centre.getRed()).as("the top-left of the turned image is the red half").isGreaterThan(200);
        assertThat(Files.exists(photoFile(info.get("sha256").asText()))).isTrue();
    }

    @Test
    void hostileFilesGetAClearErrorAndLeaveNothingStored() throws IOException {
        byte[] good = Images.jpeg(Images.halves(800, 1120, Color.GREEN, Color.GREEN));
        String sha = upload(personB, "/api/v1/me/photo", good, null).json().get("sha256").asText();
        byte[] jpeg = Images.jpeg(Images.halves(800, 1120, Color.RED, Color.BLUE));
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("PHOTO_DIMENSIONS", Images.pngBomb(20_000, 20_000));
        corpus.put("PHOTO_DIMENSIONS ", Images.withSofSize(jpeg, 65500, 65500));
        corpus.put("PHOTO_CORRUPT", Arrays.copyOf(jpeg, jpeg.length / 2));
        corpus.put("PHOTO_EMPTY", new byte[0]);
        corpus.put("PHOTO_TYPE", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        corpus.put("PHOTO_TYPE ", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8));
        corpus.put("PHOTO_TYPE  ", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        corpus.put("PHOTO_TOO_SMALL", Images.jpeg(Images.halves(100, 140, Color.RED, Color.BLUE)));
        corpus.put("PAYLOAD_TOO_LARGE", new byte[26 * 1024 * 1024]);
        for (Map.Entry<String, byte[]> c : corpus.entrySet()) {
            Api.Response r = upload(personB, "/api/v1/me/photo", c.getValue(), null);
            assertThat(r.status()).as(c.getKey()).isBetween(400, 499);
            assertThat(r.json().get("code").asText()).as(c.getKey()).isEqualTo(c.getKey().strip());
            assertThat(r.json().get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
            assertThat(r.body()).doesNotContain("Exception");
        }
        assertThat(ContentSha.of(personB.get("/api/v1/me/photo").bytes())).as("the good photo is still there")
                .isEqualTo(sha);
        assertThat(platform.system().get("/api/v1/health").json().get("status").asText()).isEqualTo("UP");

        for (byte[] fine : List.of(Images.cmykJpeg(600, 840, 0, 255, 255, 255), Images.png16(600, 840, 200, 30, 30),
                Images.pngWithAlpha(600, 840))) {
            Api.Response r = personB.putBytes("/api/v1/me/photo", "image/png", fine);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        byte[] trailer = "<script>polyglot</script>".getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = Arrays.copyOf(jpeg, jpeg.length + trailer.length);
        System.arraycopy(trailer, 0, polyglot, jpeg.length, trailer.length);
        assertThat(upload(personB, "/api/v1/me/photo", polyglot, null).status()).isEqualTo(200);
        assertThat(new String(personB.get("/api/v1/me/photo").bytes(), StandardCharsets.ISO_8859_1))
                .doesNotContain("polyglot");
    }

    @Test
    void onlyTheOwnerAndScopedAdminsSeeAPhoto() {
        byte[] photo = Images.jpeg(Images.halves(800, 1120, Color.ORANGE, Color.ORANGE));
        upload(personA, "/api/v1/me/photo", photo, null);
        String path = "/api/v1/persons/" + personAId + "/photo";
        Api unitA = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        Api unitB = platform.api().withKey(platform.accounts().of("unitapi", "HFRS").secret());
        assertThat(unitA.get(path).status()).isEqualTo(200);
        assertThat(platform.system().get(path).status()).isEqualTo(200);
        assertThat(unitB.get(path).status()).isEqualTo(404);
        assertThat(personB.get(path).status()).isIn(403, 404);
        assertThat(platform.api().get(path).status()).isEqualTo(401);
        assertThat(upload(unitB, path, photo, null).status()).isEqualTo(403);
        assertThat(upload(unitA, path, photo, null).status()).isEqualTo(200);
        assertThat(platform.system().get("/api/v1/audit?action=PHOTO_VIEW&size=5").json().findValuesAsText("target"))
                .contains("person:" + personAId);
    }

    @Test
    void replacedPhotosStayUntilNothingRefersToThem() {
        String[] shas = new String[3];
        Color[] colours = {Color.CYAN, Color.MAGENTA, Color.PINK};
        for (int i = 0; i < 3; i++) {
            byte[] img = Images.jpeg(Images.halves(800, 1120, colours[i], Color.WHITE));
            shas[i] = upload(personA, "/api/v1/me/photo", img, null).json().get("sha256").asText();
        }
        assertThat(Files.exists(photoFile(shas[0]))).as("beyond the two kept, no record refers to it").isFalse();
        assertThat(Files.exists(photoFile(shas[1]))).isTrue();
        assertThat(Files.exists(photoFile(shas[2]))).isTrue();

        byte[] shared = Images.jpeg(Images.halves(800, 1120, Color.YELLOW, Color.BLACK));
        String s1 = upload(personA, "/api/v1/me/photo", shared, null).json().get("sha256").asText();
        String s2 = upload(personB, "/api/v1/me/photo", shared, null).json().get("sha256").asText();
        assertThat(s1).isEqualTo(s2);
        for (int i = 0; i < 2; i++) {
            upload(personA, "/api/v1/me/photo", Images.jpeg(Images.halves(800, 1120, colours[i], Color.GRAY)), null);
        }
        assertThat(Files.exists(photoFile(s1))).as("still person B's photo").isTrue();
    }

    @Test
    void aUnitImportsPhotosInBulkWithAReportPerFile() throws IOException {
        DemoAccounts accounts = platform.accounts();
        List<DemoAccounts.Account> ind = accounts.all("individual");
        String onRoster = ind.get(1).login();
        String elsewhere = ind.get(2).login();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            add(z, "照片/" + onRoster + ".jpg", Images.jpeg(Images.halves(600, 840, Color.BLUE, Color.BLUE)));
            add(z, "照片/" + elsewhere + ".jpg", Images.jpeg(Images.halves(600, 840, Color.BLUE, Color.BLUE)));
            add(z, "照片/张三.jpg", Images.jpeg(Images.halves(600, 840, Color.BLUE, Color.BLUE)));
            add(z, "照片/" + idA + ".png", "not an image".getBytes(StandardCharsets.UTF_8));
            add(z, "__MACOSX/._x.jpg", new byte[10]);
        }
        Api unitA = platform.api().withKey(accounts.of("unitapi", "AHCZ").secret());
        JsonNode report = unitA.postBytes("/api/v1/photo-imports", "application/zip", zip.toByteArray()).json();
        assertThat(report.size()).isEqualTo(4);
        assertThat(report.findValuesAsText("code")).containsExactly("OK", "NOT_ON_ROSTER", "FILE_NAME", "PHOTO_TYPE");
        assertThat(report.at("/0/idNumber").asText()).isEqualTo(onRoster.charAt(0) + "****************"
                + onRoster.charAt(17));
        long person = platform.api().login("individual", onRoster, ind.get(1).secret()).get("/api/v1/me").json()
                .get("personId").asLong();
        assertThat(unitA.get("/api/v1/persons/" + person + "/photo").status()).isEqualTo(200);
        Api.Response notZip = unitA.postBytes("/api/v1/photo-imports", "application/zip", new byte[] {1, 2, 3, 4});
        assertThat(notZip.json().get("code").asText()).isEqualTo("ZIP_TYPE");
    }

    /** Security finding 8: skipped entries count too, and what a ZIP inflates to is capped. */
    @Test
    void aZipOfEmptyFoldersOrOfZerosIsCutOff() throws IOException {
        Api unitA = platform.api().withKey(platform.accounts().of("unitapi", "AHCZ").secret());
        ByteArrayOutputStream folders = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(folders)) {
            for (int i = 0; i < 2_500; i++) {
                z.putNextEntry(new java.util.zip.ZipEntry("空文件夹" + i + "/"));
                z.closeEntry();
            }
        }
        JsonNode many = unitA.postBytes("/api/v1/photo-imports", "application/zip", folders.toByteArray()).json();
        assertThat(many.findValuesAsText("code")).containsExactly("ZIP_TOO_MANY_FILES");

        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new java.util.zip.ZipEntry("__MACOSX/._bomb.jpg"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 450; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(bomb.size()).as("a small upload").isLessThan(1 << 20);
        long t0 = System.nanoTime();
        JsonNode cut = unitA.postBytes("/api/v1/photo-imports", "application/zip", bomb.toByteArray()).json();
        assertThat(cut.findValuesAsText("code")).containsExactly("ZIP_BOMB");
        assertThat((System.nanoTime() - t0) / 1e9).as("stopped at the cap, not at 450 MB").isLessThan(10);
    }

    @Test
    void aPersonNotYetConfirmedCannotUploadAPhoto() {
        String id = TestFixtures.idNumber(java.time.LocalDate.of(1986, 2, 2), 333, true);
        Api fresh = TestFixtures.signUp(platform.api(), id, "13644443333", "Zhaopian2026");
        Map<String, Object> form = new LinkedHashMap<>(Map.of("realName", "赵照片", "idNumber", id,
                "mobile", "13644443333", "gender", "男", "birthDate", "1986-02-02", "politicalStatus", "群众",
                "ethnicity", "汉族", "email", "z@example.com", "address", "合肥", "workStartDate", "2008-07-01"));
        form.put("education", "大学本科");
        assertThat(fresh.put("/api/v1/me/profile", form).status()).isEqualTo(200);
        Api.Response refused = upload(fresh, "/api/v1/me/photo", Images.jpeg(Images.halves(600, 840, Color.RED,
                Color.RED)), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("PERSON_NOT_CONFIRMED");
        assertThat(fresh.get("/api/v1/me/titles").json()).isEmpty();
    }

    private static void add(ZipOutputStream z, String name, byte[] data) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(data);
        z.closeEntry();
    }

    private static Path photoFile(String sha) {
        return platform.home().resolve("data/photos").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4))
                .resolve(sha + ".jpg");
    }

    /** The SHA-256 the store names a file by. */
    static final class ContentSha {
        static String of(byte[] data) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
