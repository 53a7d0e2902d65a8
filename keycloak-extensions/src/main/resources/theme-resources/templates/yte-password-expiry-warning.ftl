<#-- PW-4 login notice: shown by the yte-password-expiry step when the password is about to expire. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=false; section>
  <#if section = "header">
    ${msg("ytePasswordExpiryWarningTitle")}
  <#elseif section = "form">
    <p id="yte-expiry-warning" class="instruction">${msg("ytePasswordExpiryWarningText", yteDaysLeft, yteExpiresOn)}</p>
    <form id="yte-expiry-form" action="${url.loginAction}" method="post">
      <div class="${properties.kcFormGroupClass!}">
        <button id="yte-change-now" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" name="change" value="now">${msg("ytePasswordExpiryChangeNow")}</button>
        <button id="yte-later" class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" name="later" value="later">${msg("ytePasswordExpiryLater")}</button>
      </div>
    </form>
  </#if>
</@layout.registrationLayout>
