// Preloaded before libfaketime by tests/run_at_times.sh; not part of the bot.
//
// libfaketime 0.9.10 moves an absolute timerfd deadline by the faked clock's distance from the
// real one. With the faked clock ahead, the "due now" deadline Boost.Asio sets when a timer has
// already expired (1 ns, absolute, on CLOCK_MONOTONIC) turns negative: timerfd_settime fails
// with EINVAL, Asio ignores the failure, and that timer never fires (a poll that should go again
// at once, a token refresh due at start). Here an absolute deadline becomes the relative wait it
// means on the clock the caller sees, which libfaketime passes through unchanged.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sys/timerfd.h>
#include <time.h>

enum { max_fds = 65536 };

typedef int create_fn(int, int);
typedef int settime_fn(int, int, const struct itimerspec*, struct itimerspec*);

// The clock of each timerfd, plus one (0: not created through here).
static int clock_of[max_fds];

int timerfd_create(int clockid, int flags) {
    static create_fn* next;
    if (!next)
        next = (create_fn*)dlsym(RTLD_NEXT, "timerfd_create");
    int fd = next(clockid, flags);
    if (fd >= 0 && fd < max_fds)
        clock_of[fd] = clockid + 1;
    return fd;
}

int timerfd_settime(int fd, int flags, const struct itimerspec* value, struct itimerspec* old) {
    static settime_fn* next;
    if (!next)
        next = (settime_fn*)dlsym(RTLD_NEXT, "timerfd_settime");
    int armed = value && (value->it_value.tv_sec != 0 || value->it_value.tv_nsec != 0);
    if (!(flags & TFD_TIMER_ABSTIME) || !armed || fd < 0 || fd >= max_fds || clock_of[fd] == 0)
        return next(fd, flags, value, old);
    // The caller's "now" is libfaketime's, as its deadline is.
    struct timespec now;
    clock_gettime(clock_of[fd] - 1, &now);
    long long wait = (long long)(value->it_value.tv_sec - now.tv_sec) * 1000000000LL +
                     (value->it_value.tv_nsec - now.tv_nsec);
    if (wait < 1)
        wait = 1; // due: at once (a zero value would disarm the timer)
    struct itimerspec relative = *value;
    relative.it_value.tv_sec = (time_t)(wait / 1000000000LL);
    relative.it_value.tv_nsec = (long)(wait % 1000000000LL);
    // CANCEL_ON_SET is for absolute realtime timers only.
    return next(fd, flags & ~(TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET), &relative, old);
}
