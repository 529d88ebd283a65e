#ifndef ATELIER_CREADLINE_SHIM_H
#define ATELIER_CREADLINE_SHIM_H

#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects direct use of readline's mutable globals; these setters are the only
// way the Swift side touches them.

static inline void atelier_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void atelier_rl_disable_signal_catching(void) { rl_catch_signals = 0; }
static inline void atelier_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
// Tell readline not to fall back to file-name completion when ours finds nothing.
static inline void atelier_rl_completion_over(void) { rl_attempted_completion_over = 1; }
// Readline resets it to a space before each completion; ours sets it from inside.
static inline void atelier_rl_set_append_character(int character) { rl_completion_append_character = character; }
static inline void atelier_rl_set_word_break_hook(rl_cpvfunc_t *hook) { rl_completion_word_break_hook = hook; }
static inline const char *atelier_rl_line_buffer(void) { return rl_line_buffer; }
static inline int atelier_rl_point(void) { return rl_point; }

#endif
