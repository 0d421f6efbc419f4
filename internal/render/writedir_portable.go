//go:build !linux && !darwin

package render

// exchange is missing here: the build swaps with two renames.
func exchange(a, b string) error { return errNoExchange }
