import { Text } from '@mantine/core';

/**
 * A search excerpt with its matched words in bold. The server marks them `<b>…</b>` around the
 * document's own text, which is shown as text (never as HTML).
 */
export function Excerpt({ text }: { text: string }) {
  const parts = text.split(/<b>|<\/b>/);
  return (
    <Text size="xs" c="dimmed" data-testid="doc-excerpt">
      {parts.map((part, i) =>
        // odd parts sit between <b> and </b>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never move
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </Text>
  );
}
