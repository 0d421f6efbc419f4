package render

import "golang.org/x/sys/unix"

// exchange swaps the names a and b in one step (renamex_np, macOS 10.12+).
func exchange(a, b string) error { return unix.RenamexNp(a, b, unix.RENAME_SWAP) }
