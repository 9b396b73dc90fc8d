package org.titlecert.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Present while the platform runs with demo data: demo accounts, an all-scope API key and demo seals whose
 * keys are public knowledge. Pages and the console say so plainly. Registered with the service property
 * {@value #ENABLED}{@code =true} only when an operator switched demo data on.
 */
@ProviderType
public interface DemoMode {

    String ENABLED = "enabled";

    /** What every page and the console show while demo mode is on. */
    String NOTICE = "演示模式：本平台载有演示数据、演示账号和演示电子印章，仅供体验，切勿用于生产";
}
