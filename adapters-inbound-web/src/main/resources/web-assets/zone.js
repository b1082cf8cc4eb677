// The browser's time zone, told to the inbox once in a cookie, so that pages show times on the person's clock. A
// zone the person chose on the preferences page is in the same cookie already, and is left as it is.
(function () {
  if (/(?:^|;\s*)inbox_zone=/.test(document.cookie)) {
    return;
  }
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // an IANA id (Asia/Shanghai) holds only characters a cookie's value may
  if (zone && /^[A-Za-z0-9_+\/-]+$/.test(zone)) {
    document.cookie = 'inbox_zone=' + zone + '; path=/; max-age=31536000; samesite=lax';
  }
})();
