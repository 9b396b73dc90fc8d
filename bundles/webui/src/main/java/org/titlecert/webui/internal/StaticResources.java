package org.titlecert.webui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the bundle's {@code /static} folder (styles, scripts, templates for download); no CDN. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/static")
public class StaticResources {
}
