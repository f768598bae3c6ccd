/** The lines an incident's photos and shared places add to a card (查询): counts and names, the place. */
import type { CardField } from "../../../bot/core/message.ts";
import { countKinds, placeText } from "./attachment-rules.ts";
import type { AttachmentRow } from "./attachment-store.ts";
import { attachmentMessages as M } from "./messages.ts";

export function attachmentFields(rows: readonly AttachmentRow[]): CardField[] {
  const media = rows.filter((r) => r.kind !== "location");
  const fields: CardField[] = [];
  if (media.length > 0)
    fields.push({
      label: M.queryLabel,
      value: M.queryLine(
        countKinds(media.map((r) => r.kind)),
        media.map((r) => r.name),
      ),
    });
  const place = rows.filter((r) => r.kind === "location").at(-1);
  if (place && place.latitude !== null && place.longitude !== null)
    fields.push({
      label: M.locationLabel,
      value: `${placeText({ name: place.name, address: place.address ?? undefined })} (${place.latitude.toFixed(6)}, ${place.longitude.toFixed(6)})`,
    });
  return fields;
}
