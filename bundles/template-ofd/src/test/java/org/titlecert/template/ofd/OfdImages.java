package org.titlecert.template.ofd;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * ofdrw's OFD renderer ({@code org.ofdrw.converter.ImageMaker}), loaded from {@code target/ofd-renderer} (or the
 * folder the system property {@code ofd.renderer} names, for other modules' tests) in a class loader of its own: it is
 * built for PDFBox 2, the platform uses PDFBox 3, and only the JDK's classes (the image it returns) are shared.
 */
public final class OfdImages {

    private static final ClassLoader LOADER = loader();

    private OfdImages() {
    }

    /** The page drawn at {@code ppm} pixels per millimetre. */
    public static BufferedImage page(Path ofd, int index, int ppm) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER); // dom4j finds its factory through the context class loader
        try {
            Class<?> readerType = LOADER.loadClass("org.ofdrw.reader.OFDReader");
            Object reader = readerType.getConstructor(Path.class).newInstance(ofd);
            try (Closeable r = (Closeable) reader) {
                Class<?> maker = LOADER.loadClass("org.ofdrw.converter.ImageMaker");
                Object m = maker.getConstructor(readerType, int.class).newInstance(r, ppm);
                return (BufferedImage) maker.getMethod("makePage", int.class).invoke(m, index);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ofdrw's renderer failed on " + ofd, e);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private static ClassLoader loader() {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("ofd.renderer", "target/ofd-renderer")))) {
            URL[] urls = jars.filter(p -> p.toString().endsWith(".jar")).map(p -> {
                try {
                    return p.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(URL[]::new);
            return new URLClassLoader("ofd-renderer", urls, ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("the OFD renderer's jars are copied by the build into target/ofd-renderer", e);
        }
    }
}
