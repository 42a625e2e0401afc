// Lists shared by the security test and the summary.

/** Services and APIs that reach beyond the open spreadsheet, or run code later or elsewhere. */
export const FORBIDDEN_IN_BUNDLE: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: 'UrlFetchApp', pattern: /\bUrlFetchApp\b/ },
  { name: 'fetch(', pattern: /(^|[^.\w])fetch\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { name: 'WebSocket', pattern: /\bWebSocket\b/ },
  { name: 'ScriptApp.newTrigger', pattern: /\bnewTrigger\b/ },
  { name: 'ScriptApp.getProjectTriggers', pattern: /\bgetProjectTriggers\b/ },
  { name: 'ScriptApp.getOAuthToken', pattern: /\bgetOAuthToken\b/ },
  { name: 'DriveApp', pattern: /\bDriveApp\b/ },
  { name: 'Drive advanced service', pattern: /\bDrive\.(Files|Permissions)\b/ },
  { name: 'Sheets advanced service', pattern: /\bSheets\.Spreadsheets\b/ },
  { name: 'GmailApp', pattern: /\bGmailApp\b/ },
  { name: 'MailApp', pattern: /\bMailApp\b/ },
  { name: 'CalendarApp', pattern: /\bCalendarApp\b/ },
  { name: 'DocumentApp', pattern: /\bDocumentApp\b/ },
  { name: 'SlidesApp', pattern: /\bSlidesApp\b/ },
  { name: 'FormApp', pattern: /\bFormApp\b/ },
  { name: 'ContactsApp', pattern: /\bContactsApp\b/ },
  { name: 'PeopleApp', pattern: /\bPeople\.People\b/ },
  { name: 'Jdbc', pattern: /\bJdbc\b/ },
  { name: 'PropertiesService', pattern: /\bPropertiesService\b/ },
  { name: 'CacheService', pattern: /\bCacheService\b/ },
  { name: 'Session.getActiveUser / getEffectiveUser', pattern: /\bget(Active|Effective)User\b/ },
  { name: 'SpreadsheetApp.openById / openByUrl / open', pattern: /\bopen(ById|ByUrl)?\s*\(/ },
  { name: 'SpreadsheetApp.create', pattern: /\bSpreadsheetApp\.create\b/ },
  { name: 'eval', pattern: /(^|[^.\w])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew Function\s*\(/ },
  { name: 'importScripts', pattern: /\bimportScripts\b/ },
  { name: 'an http(s) URL', pattern: /https?:\/\/(?!www\.w3\.org\/2000\/svg)/ },
];

/** Catalog names a user (or an attacker sharing a sheet) might type. */
export const HOSTILE_NAMES = [
  '=HYPERLINK("http://evil.example","x")',
  '=1+1',
  '+1',
  '-x',
  '@x',
  "'quoted",
  '<img src=x onerror=alert(1)>',
  '<script>window.__pwned = 1</script>',
];
