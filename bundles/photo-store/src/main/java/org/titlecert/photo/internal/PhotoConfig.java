package org.titlecert.photo.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert photo store", description = "ID photo limits, size and storage")
@interface PhotoConfig {

    String PID = "org.titlecert.photo";

    @AttributeDefinition(name = "Largest upload (MB)")
    int maxUploadMb() default 10;

    @AttributeDefinition(name = "Most pixels (megapixels)", description = "Read from the header, before decoding")
    int maxMegapixels() default 40;

    @AttributeDefinition(name = "Shortest side (px)", description = "Below this a photo prints blurred")
    int minShortSide() default 200;

    @AttributeDefinition(name = "Longest side (px)")
    int minLongSide() default 280;

    @AttributeDefinition(name = "Photo width (px)", description = "The certificate template's photo: 35 mm at 300 dpi")
    int width() default 413;

    @AttributeDefinition(name = "Photo height (px)", description = "49 mm at 300 dpi")
    int height() default 579;

    @AttributeDefinition(name = "JPEG quality (0-100)")
    int jpegQuality() default 90;

    @AttributeDefinition(name = "Photos kept per person", description = "Older ones are removed from history")
    int historyKept() default 5;

    @AttributeDefinition(name = "Most files in a bulk import ZIP")
    int maxZipEntries() default 2000;

    @AttributeDefinition(name = "Largest bulk import ZIP (MB), compressed")
    int maxZipMb() default 200;
}
