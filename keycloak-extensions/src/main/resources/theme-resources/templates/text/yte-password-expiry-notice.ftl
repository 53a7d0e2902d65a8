<#ftl output_format="plainText">
${msg("ytePasswordExpiryNoticeBody", daysLeft, expiresOn, realmName)}
