package org.titlecert.webui.internal;

import java.util.Map;

import javax.servlet.http.HttpServletRequest;

/**
 * Success messages shown once after a redirect (post/redirect/get). The redirect names a notice
 * by code, with counts as numbers, so no free text travels in a URL.
 */
final class Notices {

    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("created", "已发起批复备案，请导入人员名单并上传批复文件"),
            Map.entry("saved", "已保存"),
            Map.entry("signedup", "注册申请已受理，请使用身份证号码和密码登录。如该身份证号码此前已注册，请使用原密码或统一身份认证登录。"),
            Map.entry("document", "批复文件已上传"),
            Map.entry("approved", "已审核通过，名单已入库，电子证书正在生成"),
            Map.entry("rejected", "已审核不通过"),
            Map.entry("registered", "个人注册信息已提交"),
            Map.entry("confirmed", "已审核通过该人员的注册"),
            Map.entry("photo", "照片已上传，电子证书正在生成"),
            Map.entry("revoked", "证书已撤销，公开验证页面将显示撤销状态"),
            Map.entry("correction-requested", "更正申请已提交，待主管部门审核"),
            Map.entry("correction-approved", "已同意更正，证书正以新版本重新生成，原版本作废"),
            Map.entry("correction-rejected", "已不予更正，申请单位可看到审核意见"),
            Map.entry("password", "密码已修改，其他设备上的登录已退出"),
            Map.entry("password-reset", "新密码已设置，请使用新密码登录"),
            Map.entry("password-required", "您的账号使用的是初始密码或重置后的密码，请先修改密码，再使用其他功能"),
            Map.entry("reinstated", "证书已恢复有效，正在生成新版本"),
            Map.entry("regenerated", "已提交重新生成，证书将在片刻后更新为新版本"),
            Map.entry("credit-code-saved", "统一社会信用代码已保存，此后生成的证书将在电子证照元数据中载明"),
            Map.entry("share-code-withdrawn", "授权码已撤回，立即失效"),
            Map.entry("api-key-revoked", "API 密钥已撤销，立即失效"),
            Map.entry("verifier-approved", "已审核通过，该查验单位现在可以登录"),
            Map.entry("verifier-rejected", "已不予通过或停用，该查验单位的账号不能登录，登录时将看到原因"),
            Map.entry("account-closed", "账号已注销：账号、注册信息、消息、授权码和查验记录已删除；职称备案信息和已签发的电子证书依法保留。"),
            Map.entry("backup", "备份已开始，平台照常服务；进度见下方“最近备份”"));

    private Notices() {
    }

    /** The message for the request's notice, or null. */
    static String of(HttpServletRequest req) {
        String code = req.getParameter("notice");
        if ("imported".equals(code)) {
            int removed = number(req, "rem");
            return String.format("导入成功：共 %d 行，新增 %d 人，更新 %d 人，未变 %d 人%s", number(req, "rows"),
                    number(req, "ins"), number(req, "upd"), number(req, "same"),
                    removed > 0 ? "，移除 " + removed + " 人" : "");
        }
        if ("filing-revoked".equals(code)) {
            return "整批证书已撤销：共 " + number(req, "n") + " 本，公开验证页面将显示撤销状态";
        }
        if ("filing-reinstated".equals(code)) {
            return "随整批撤销的证书已恢复有效：共 " + number(req, "n") + " 本，正在生成新版本";
        }
        if ("photo-reminded".equals(code)) {
            int n = number(req, "n");
            return n > 0 ? "已向 " + n + " 位未上传照片的人员发送提醒（站内消息，有邮箱或手机号的同时发送邮件、短信）"
                    : "没有需要提醒的人员：未生成证书的人员今天都已提醒过";
        }
        if ("messages-read".equals(code)) {
            return "已将 " + number(req, "n") + " 条消息标为已读";
        }
        return code == null ? null : TEXT.get(code);
    }

    private static int number(HttpServletRequest req, String name) {
        Integer n = Pages.integer(req.getParameter(name));
        return n == null ? 0 : n;
    }
}
