// fontconfig, loaded by pango on first use, is initialised on a pango thread ("[pango] FcInit")
// and synchronised inside uninstrumented libraries, and it keeps its configuration and caches
// for the life of the process. ThreadSanitizer and LeakSanitizer report both; neither is
// ours. The sanitizers call these hooks at start-up; other builds ignore them.
extern "C" const char* __lsan_default_suppressions();   // NOLINT(bugprone-reserved-identifier)
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libfontconfig.so\n";
}
extern "C" const char* __tsan_default_suppressions();   // NOLINT(bugprone-reserved-identifier)
extern "C" const char* __tsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "called_from_lib:libfontconfig.so\nmutex:libpangoft2-1.0.so\n";
}
