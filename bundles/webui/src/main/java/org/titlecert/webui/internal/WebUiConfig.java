package org.titlecert.webui.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "TitleCert web UI", description = "Branding of the Chinese web UI")
@interface WebUiConfig {

    String PID = "org.titlecert.webui";

    @AttributeDefinition(name = "Platform name", description = "Shown in the header of every page")
    String platformName() default "专业技术人员综合管理服务平台";

    @AttributeDefinition(name = "Operator", description = "The department that runs the platform, shown in the footer")
    String operator() default "人力资源和社会保障厅";

    @AttributeDefinition(name = "Largest upload (MB)",
            description = "Of a roster or an approval document on a filing's page; at most 100")
    int maxUploadMb() default 25;
}
