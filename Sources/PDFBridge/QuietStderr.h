#ifndef DRUGLABEL_QUIET_STDERR_H
#define DRUGLABEL_QUIET_STDERR_H

// Private to the bridge: see QuietStderr.c for why poppler's bare stderr lines are held back.

/// Brackets a call into poppler's renderer; calls may overlap on several threads.
void dl_quiet_begin(void);
void dl_quiet_end(void);

#endif
