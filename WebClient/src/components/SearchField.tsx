import { useEffect, useEffectEvent, useState } from 'react';
import { TextField } from './TextField';

/** How long typing may pause before the search is sent. */
const searchDelayMs = 300;

/** The search box: what the user types goes to the URL (and so to the Api) once typing pauses. */
export function SearchField({ value, hint, onSearch }: { value: string; hint: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The URL changed from elsewhere (Back, Clear filters): show its search.
    setShown(value);
    setText(value);
  }

  const search = useEffectEvent(onSearch);
  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = setTimeout(() => search(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <TextField
      label="Search"
      type="search"
      hint={hint}
      maxLength={200}
      value={text}
      onChange={setText}
    />
  );
}
