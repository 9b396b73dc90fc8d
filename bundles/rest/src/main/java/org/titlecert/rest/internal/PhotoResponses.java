package org.titlecert.rest.internal;

import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import org.titlecert.photo.Photo;
import org.titlecert.photo.PhotoEdit;

import io.swagger.v3.oas.annotations.Parameter;

/** Shared by the photo endpoints: the crop parameters in, the JPEG out. */
final class PhotoResponses {

    private PhotoResponses() {
    }

    /** The crop and rotation of an uploaded photo (Cropper.js data), as query parameters. */
    public static final class Crop {
        @Parameter(description = "裁剪左边距（旋转后像素） · crop left, in pixels of the rotated image")
        @QueryParam("x")
        public Integer x;

        @Parameter(description = "裁剪上边距 · crop top")
        @QueryParam("y")
        public Integer y;

        @Parameter(description = "裁剪宽度 · crop width")
        @QueryParam("w")
        public Integer w;

        @Parameter(description = "裁剪高度 · crop height")
        @QueryParam("h")
        public Integer h;

        @Parameter(description = "顺时针旋转角度，90 的倍数 · clockwise, a multiple of 90")
        @QueryParam("rotate")
        public Integer rotate;

        PhotoEdit edit() {
            return new PhotoEdit(x, y, w, h, rotate == null ? 0 : rotate);
        }
    }

    static Response jpeg(Photo p) {
        return Downloads.file(p.jpeg(), "image/jpeg", "photo.jpg", true, p.info().sha256());
    }
}
