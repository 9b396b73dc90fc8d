package org.titlecert.api;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Failures of what the platform stands on, told apart from its own errors, so that REST and the pages answer them
 * alike: {@code 503} with {@code Retry-After} and a Chinese message, rather than an internal error.
 */
public final class Faults {

    /** How long a client is asked to wait when the database or the disk failed. */
    public static final int RETRY_AFTER_SECONDS = 30;
    public static final String DATABASE_MESSAGE = "数据库暂时无法访问，请稍后重试";
    public static final String DISK_FULL_MESSAGE = "磁盘空间不足，请稍后重试或联系系统管理员";

    private Faults() {
    }

    /**
     * True if the failure (or one of its causes) is the database being out of reach: a connection refused, lost or
     * shut down (SQLState class 08, PostgreSQL's 57P, a connection exception of the JDBC API).
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** True if the failure (or one of its causes) is a full disk (ENOSPC, or Derby's "no space" states). */
    public static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (t instanceof IOException && m != null && m.contains("No space left on device")) {
                return true;
            }
            if (t instanceof SQLException s && ("XSDG1".equals(s.getSQLState()) || "XSDF4".equals(s.getSQLState())
                    || "53100".equals(s.getSQLState()))) {
                return true;
            }
            if (m != null && m.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
