/**
 * An office big enough for load: `chats` unit work groups of `peoplePerChat` reporters each, plus a
 * duty group, validated by the same schemas as config/org.yaml. The rules come from the sample policy.
 */
import { join } from "node:path";
import { loadYamlFile, type OfficeConfig } from "../src/config/load.ts";
import { orgSchema } from "../src/config/org.ts";
import { policySchema } from "../src/config/policy.ts";

export interface BenchPerson {
  id: string;
  chatId: string;
  /** Whether the org file holds a phone number (then the dialog may be answered with 跳过). */
  hasPhone: boolean;
}

export interface SyntheticOffice {
  config: OfficeConfig;
  people: BenchPerson[];
  chatCount: number;
}

const DUTY_ID = "bench-duty";

export async function syntheticOffice(
  root: string,
  chats: number,
  peoplePerChat: number,
): Promise<SyntheticOffice> {
  const policy = await loadYamlFile(join(root, "config/policy.yaml"), policySchema);
  const units = [{ id: "bench-duty-office", name: "压测值班室" }];
  const people: {
    id: string;
    name: string;
    unit: string;
    title: string;
    roles: ("reporter" | "duty")[];
    phone?: string;
  }[] = [
    { id: "bench-duty-1", name: "压测值班员", unit: "bench-duty-office", title: "值班员", roles: ["duty"] },
  ];
  const groups: { id: string; name: string; unit: string; purpose: "unit" | "duty"; members: string[] }[] = [
    {
      id: DUTY_ID,
      name: "压测总值班室",
      unit: "bench-duty-office",
      purpose: "duty",
      members: ["bench-duty-1"],
    },
  ];
  const benchPeople: BenchPerson[] = [];
  for (let c = 0; c < chats; c++) {
    const unit = `bench-unit-${c}`;
    const chatId = `bench-chat-${c}`;
    units.push({ id: unit, name: `压测单位${c}` });
    const members: string[] = [];
    for (let p = 0; p < peoplePerChat; p++) {
      const id = `bench-p-${c}-${p}`;
      const hasPhone = p % 2 === 0;
      people.push({
        id,
        name: `压测人员${c}-${p}`,
        unit,
        title: "信息员",
        roles: ["reporter"],
        ...(hasPhone ? { phone: `139${String(c * 1000 + p).padStart(8, "0")}` } : {}),
      });
      members.push(id);
      benchPeople.push({ id, chatId, hasPhone });
    }
    groups.push({ id: chatId, name: `压测工作群${c}`, unit, purpose: "unit", members });
  }
  const org = orgSchema.parse({ bot: { name: "快报助手" }, units, people, groups });
  return { config: { org, policy }, people: benchPeople, chatCount: chats };
}
