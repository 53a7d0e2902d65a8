<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${kcSanitize(msg("ytePasswordExpiryNoticeBody", daysLeft, expiresOn, realmName))?no_esc}</p>
</@layout.emailLayout>
