// Text from a data file shown on a terminal: control characters as escapes, the rest as typed.
import Testing
@testable import Shared

@Test(arguments: [
    ("plain text, ünïcødé ✓ 字", "plain text, ünïcødé ✓ 字"),
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("\u{0}\u{1}\u{1f}", "\\x00\\x01\\x1f"),
    ("\u{1b}[2J\u{1b}]0;owned\u{7}", "\\x1b[2J\\x1b]0;owned\\x07"),
    ("\u{7f}\u{80}\u{9b}\u{9f}\u{a0}", "\\x7f\\x80\\x9b\\x9f\u{a0}"),
    ("\u{2028}\u{2029}\u{202a}\u{202e}\u{2066}\u{2069}\u{200b}", "\\u{2028}\\u{2029}\\u{202a}\\u{202e}\\u{2066}\\u{2069}\u{200b}"),
    ("back\\slash `tick` 'q' \"qq\"", "back\\slash `tick` 'q' \"qq\""),
])
func controlCharactersBecomeVisibleEscapes(_ text: String, _ shown: String) {
    #expect(text.visible == shown)
}
