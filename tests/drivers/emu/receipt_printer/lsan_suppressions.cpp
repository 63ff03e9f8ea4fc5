// fontconfig (loaded by pango on first use) keeps its configuration and caches for the life of
// the process; LeakSanitizer reports them at exit. Not ours to free. LeakSanitizer calls this
// hook at start-up; other builds ignore it.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
