package org.titlecert.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.titlecert.store.ContentStore;

class LocalContentStoreTest {

    @TempDir
    Path root;

    @Test
    void storesByContentHashAtomicallyAndOnlyOnce() throws IOException {
        LocalContentStore store = new LocalContentStore(root, ".jpg");
        byte[] data = "photo bytes".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(data);
        assertThat(sha).isEqualTo(ContentStore.sha256(data)).hasSize(64);
        assertThat(store.path(sha)).startsWith(root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)));
        assertThat(store.get(sha)).isEqualTo(data);
        assertThat(store.path(sha).getFileName().toString()).isEqualTo(sha + ".jpg");
        assertThat(Files.size(store.path(sha))).isEqualTo(data.length);
        assertThat(store.put(data)).isEqualTo(sha);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).as("no temporary files left").hasSize(1);
        }
        store.delete(sha);
        assertThat(store.exists(sha)).isFalse();
    }

    @Test
    void removesWhatACrashLeftBehindButNotAnotherNodesWriteInProgress() throws IOException {
        LocalContentStore store = new LocalContentStore(root, ".pdf", "n1", new org.titlecert.store.DeletionHold());
        String sha = store.put("kept".getBytes(StandardCharsets.UTF_8));
        Path mine = store.path(sha).resolveSibling(".incoming-n1-123.part");
        Files.write(mine, new byte[] {1, 2, 3});
        Path othersOld = store.path(sha).resolveSibling(".incoming-n2-456.part");
        Files.write(othersOld, new byte[] {4, 5});
        Files.setLastModifiedTime(othersOld, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
        Path othersWriting = store.path(sha).resolveSibling(".incoming-n2-789.part");
        Files.write(othersWriting, new byte[] {6});
        assertThat(store.removeIncomplete(java.time.Duration.ofMinutes(10))).isEqualTo(2);
        assertThat(mine).doesNotExist();
        assertThat(othersOld).doesNotExist();
        assertThat(othersWriting).as("another node's write in progress").exists();
        assertThat(store.exists(sha)).isTrue();
    }

    @Test
    void refusesNamesThatAreNotHashes() {
        LocalContentStore store = new LocalContentStore(root, ".jpg");
        assertThatThrownBy(() -> store.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletionsWaitWhileAHoldIsOpenAndHappenWhenTheLastCloses() {
        org.titlecert.store.DeletionHold deletions = new org.titlecert.store.DeletionHold();
        LocalContentStore store = new LocalContentStore(root, ".pdf", "n1", deletions);
        String a = store.put("a".getBytes());
        String b = store.put("b".getBytes());
        org.titlecert.store.DeletionHold.Hold first = deletions.hold();
        org.titlecert.store.DeletionHold.Hold second = deletions.hold();
        store.delete(a);
        store.delete(b);
        assertThat(store.exists(a)).isTrue();
        assertThat(deletions.waiting()).isEqualTo(2);
        first.close();
        first.close();
        assertThat(store.exists(a)).as("another hold is still open").isTrue();
        second.close();
        assertThat(store.exists(a)).isFalse();
        assertThat(store.exists(b)).isFalse();
        assertThat(deletions.waiting()).isZero();
        String c = store.put("c".getBytes());
        store.delete(c);
        assertThat(store.exists(c)).as("no hold: at once").isFalse();
    }
}
