/**
 * Who to call about an incident (现场负责人: name, post, phone), from the way reports end:
 * "现场负责人：钱镇长，电话13800000042", "联系人：县住建局局长赵刚，13811112222",
 * "联系人：李明（镇应急办主任），0797-8123456".
 */
import { normalizeInput } from "./normalize-input.ts";
import { CONTACT_LABEL, LANDLINE, MOBILE, TITLE } from "./report-words.ts";

/** A contact as far as the text gives it; at least one field is set. */
export interface Contact {
  /** A full name (赵刚), or how the person is addressed when only that is given (钱镇长). */
  name?: string;
  post?: string;
  phone?: string;
}

const LABELLED = new RegExp(`${CONTACT_LABEL.source}(?<content>[^，,。；;\\n]*)`);
const NAME = "[\\u4e00-\\u9fff]{2,3}";
const POST_THEN_NAME = new RegExp(`^(?<post>.*(?:${TITLE.source.replace(/\$$/, "")}))(?<name>${NAME})$`);
const NAME_THEN_POST = new RegExp(`^(?<name>${NAME})[(（](?<post>[^)）]+)[)）]$`);
const SURNAME_AND_TITLE = new RegExp(`^[\\u4e00-\\u9fff](?<post>${TITLE.source.replace(/\$$/, "")})$`);

/** The contact `text` gives; undefined when it names neither a labelled person nor a phone number. */
export function findContact(paragraph: string): Contact | undefined {
  const text = normalizeInput(paragraph);
  const contact: Contact = {};
  const phone = MOBILE.exec(text)?.[0] ?? LANDLINE.exec(text)?.[0];
  if (phone) contact.phone = phone;

  const content = LABELLED.exec(text)
    ?.groups?.content?.replace(MOBILE, "")
    .replace(LANDLINE, "")
    .replace(/(?:联系电话|电话|手机|座机)\s*:?\s*/g, "")
    .replace(/[(（]\s*[)）]/g, "")
    .replace(/[\s:、]+$/g, "")
    .trim();
  if (content) Object.assign(contact, nameAndPost(content));
  else if (phone) Object.assign(contact, personBefore(text, phone));

  return Object.keys(contact).length > 0 ? contact : undefined;
}

/**
 * Without a label, the person written right before the number in its clause ("钱镇长 13800000042",
 * "联系人赵刚电话1381…" is labelled): only a form that reads as a person (钱镇长, 副镇长王强, 王强（镇长）),
 * never the rest of a sentence.
 */
function personBefore(text: string, phone: string): Contact {
  const clause =
    text
      .slice(0, text.indexOf(phone))
      .split(/[，,。；;\n]/)
      .pop() ?? "";
  const before = clause
    .replace(/(?:联系电话|电话|手机|座机|联系)\s*:?\s*$/g, "")
    .replace(/^\s*(?:联系)?/, "")
    .trim();
  const looksLikePerson =
    SURNAME_AND_TITLE.test(before) || POST_THEN_NAME.test(before) || NAME_THEN_POST.test(before);
  return looksLikePerson ? nameAndPost(before) : {};
}

function nameAndPost(content: string): Contact {
  const surnameAndTitle = SURNAME_AND_TITLE.exec(content);
  if (surnameAndTitle?.groups?.post) return { name: content, post: surnameAndTitle.groups.post };
  const postThenName = POST_THEN_NAME.exec(content);
  if (postThenName?.groups?.post && postThenName.groups.name) {
    return { name: postThenName.groups.name, post: postThenName.groups.post };
  }
  const nameThenPost = NAME_THEN_POST.exec(content);
  if (nameThenPost?.groups?.post && nameThenPost.groups.name) {
    return { name: nameThenPost.groups.name, post: nameThenPost.groups.post.trim() };
  }
  // Only a post ("县应急局副局长") or only a name or unit ("县应急局值班室").
  return TITLE.test(content) ? { post: content } : { name: content };
}
