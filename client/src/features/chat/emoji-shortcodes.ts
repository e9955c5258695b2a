/**
 * The shortcodes rendered in messages without loading the emoji picker's data (hundreds of kB):
 * the common ones people type by hand. The result is plain text, shown as a text node.
 */
export const EMOJI_SHORTCODES: Readonly<Record<string, string>> = {
  smile: "😄",
  smiley: "😃",
  grin: "😁",
  joy: "😂",
  rofl: "🤣",
  wink: "😉",
  blush: "😊",
  heart_eyes: "😍",
  thinking: "🤔",
  sunglasses: "😎",
  cry: "😢",
  sob: "😭",
  angry: "😠",
  scream: "😱",
  sweat_smile: "😅",
  slightly_smiling_face: "🙂",
  upside_down_face: "🙃",
  neutral_face: "😐",
  eyes: "👀",
  wave: "👋",
  clap: "👏",
  pray: "🙏",
  muscle: "💪",
  "+1": "👍",
  thumbsup: "👍",
  "-1": "👎",
  thumbsdown: "👎",
  ok_hand: "👌",
  raised_hands: "🙌",
  heart: "❤️",
  broken_heart: "💔",
  fire: "🔥",
  star: "⭐",
  sparkles: "✨",
  tada: "🎉",
  party: "🥳",
  "100": "💯",
  rocket: "🚀",
  coffee: "☕",
  pizza: "🍕",
  trophy: "🏆",
  skull: "💀",
  ghost: "👻",
  moneybag: "💰",
  gg: "🎮",
  video_game: "🎮",
  musical_note: "🎵",
  check: "✅",
  x: "❌",
  warning: "⚠️",
};

const SHORTCODE = /:([a-z0-9_+-]{1,32}):/gi;

/** `text` with each known `:shortcode:` replaced by its emoji; unknown ones stay as typed. */
export function renderShortcodes(text: string, map: Readonly<Record<string, string>> = EMOJI_SHORTCODES): string {
  if (!text.includes(":")) return text;
  return text.replace(SHORTCODE, (whole, name: string) =>
    Object.hasOwn(map, name.toLowerCase()) ? (map[name.toLowerCase()] ?? whole) : whole,
  );
}
