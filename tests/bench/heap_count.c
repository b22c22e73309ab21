/* heap_count.c — libkiosk_heap_count.so, for kiosk-bench: preloaded into a `kiosk` process
 * (LD_PRELOAD), it counts the bytes malloc has handed out and not yet taken back (their usable
 * size, as glibc's malloc_usable_size gives it) and, at exit, writes the peak to the file named by
 * KIOSK_BENCH_HEAP_FILE. Every call goes on to glibc's own allocator (__libc_malloc and friends):
 * the process allocates exactly as it would without it.
 * Does not: work under AddressSanitizer (which must own malloc itself), count mmap() or stacks. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void* __libc_malloc(size_t);
extern void* __libc_calloc(size_t, size_t);
extern void* __libc_realloc(void*, size_t);
extern void* __libc_memalign(size_t, size_t);
extern void __libc_free(void*);

static _Atomic long live, peak;

static void add(void* p) {
  if (!p) return;
  long now = atomic_fetch_add_explicit(&live, (long)malloc_usable_size(p), memory_order_relaxed) + (long)malloc_usable_size(p);
  long was = atomic_load_explicit(&peak, memory_order_relaxed);
  while (now > was && !atomic_compare_exchange_weak_explicit(&peak, &was, now, memory_order_relaxed, memory_order_relaxed)) {
  }
}
static void sub(void* p) {
  if (p) atomic_fetch_sub_explicit(&live, (long)malloc_usable_size(p), memory_order_relaxed);
}

void* malloc(size_t n) {
  void* p = __libc_malloc(n);
  add(p);
  return p;
}
void* calloc(size_t a, size_t b) {
  void* p = __libc_calloc(a, b);
  add(p);
  return p;
}
void* realloc(void* p, size_t n) {
  size_t old = p ? malloc_usable_size(p) : 0;
  void* q = __libc_realloc(p, n);
  if (!q && n) return NULL; /* failed: p is untouched */
  atomic_fetch_sub_explicit(&live, (long)old, memory_order_relaxed);
  add(q);
  return q;
}
void free(void* p) {
  sub(p);
  __libc_free(p);
}
void* memalign(size_t align, size_t n) {
  void* p = __libc_memalign(align, n);
  add(p);
  return p;
}
void* aligned_alloc(size_t align, size_t n) { return memalign(align, n); }
int posix_memalign(void** out, size_t align, size_t n) {
  void* p = memalign(align, n);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
void* valloc(size_t n) { return memalign((size_t)sysconf(_SC_PAGESIZE), n); }

__attribute__((destructor)) static void report(void) {
  const char* path = getenv("KIOSK_BENCH_HEAP_FILE");
  if (!path) return;
  char line[64];
  int len = snprintf(line, sizeof line, "%ld\n", atomic_load(&peak));
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  if (write(fd, line, (size_t)len) < 0) {
  }
  close(fd);
}
