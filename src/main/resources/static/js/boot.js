// Where Bootstrap Italia finds its web fonts (must run before its bundle).
window.__PUBLIC_PATH__ = '/webjars/bootstrap-italia/dist/fonts';
