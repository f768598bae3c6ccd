/**
 * An office big enough for load: `chats` unit work groups of `peoplePerChat` reporters and one
 * director each, a duty office (总值班室-like duty group) and the county leaders (县领导群-like leaders
 * group), validated by the same schemas as config/org.yaml. The rules come from the sample policy
 * (config/policy.yaml, with its grades and escalation), checked against the org as the bot does at start.
 */
import { join } from "node:path";
import { policyProblemsWithOrg } from "../src/config/cross-check.ts";
import { loadYamlFile, type OfficeConfig } from "../src/config/load.ts";
import { orgSchema, type Role } from "../src/config/org.ts";
import { policySchema } from "../src/config/policy.ts";

export interface BenchPerson {
  id: string;
  chatId: string;
  /** Whether the org file holds a phone number (then the dialog may be answered with 跳过). */
  hasPhone: boolean;
}

export interface SyntheticOffice {
  config: OfficeConfig;
  /** The reporters, one entry per person, in chat order. */
  people: BenchPerson[];
  chatCount: number;
  /** The duty group (purpose duty) and the leaders' group (purpose leaders): where alerts go. */
  dutyChatId: string;
  leadersChatId: string;
}

/** `duty-office` is the unit the sample policy's escalation names (`director@duty-office`). */
const DUTY_UNIT = "duty-office";
const DUTY_CHAT = "bench-duty";
const LEADERS_CHAT = "bench-leaders";

export async function syntheticOffice(
  root: string,
  chats: number,
  peoplePerChat: number,
): Promise<SyntheticOffice> {
  const policy = await loadYamlFile(join(root, "config/policy.yaml"), policySchema);
  const units = [
    { id: DUTY_UNIT, name: "压测总值班室" },
    { id: "bench-county", name: "压测县委县政府办公室" },
  ];
  const people: {
    id: string;
    name: string;
    unit: string;
    title: string;
    roles: Role[];
    phone?: string;
  }[] = [
    { id: "bench-duty-1", name: "压测值班员一", unit: DUTY_UNIT, title: "值班员", roles: ["duty"] },
    { id: "bench-duty-2", name: "压测值班员二", unit: DUTY_UNIT, title: "值班员", roles: ["duty"] },
    {
      id: "bench-duty-director",
      name: "压测值班室主任",
      unit: DUTY_UNIT,
      title: "值班室主任",
      roles: ["director", "duty"],
    },
    { id: "bench-leader-1", name: "压测书记", unit: "bench-county", title: "县委书记", roles: ["leader"] },
    { id: "bench-leader-2", name: "压测县长", unit: "bench-county", title: "县长", roles: ["leader"] },
  ];
  const groups: {
    id: string;
    name: string;
    unit?: string;
    purpose: "unit" | "duty" | "leaders";
    members: string[];
  }[] = [
    {
      id: LEADERS_CHAT,
      name: "压测县领导群",
      purpose: "leaders",
      members: ["bench-leader-1", "bench-leader-2", "bench-duty-director"],
    },
    {
      id: DUTY_CHAT,
      name: "压测总值班室",
      unit: DUTY_UNIT,
      purpose: "duty",
      members: ["bench-duty-1", "bench-duty-2", "bench-duty-director"],
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
    const director = `bench-d-${c}`;
    people.push({ id: director, name: `压测负责人${c}`, unit, title: "负责人", roles: ["director"] });
    members.push(director);
    groups.push({ id: chatId, name: `压测工作群${c}`, unit, purpose: "unit", members });
  }
  const org = orgSchema.parse({ bot: { name: "快报助手" }, units, people, groups });
  const problems = policyProblemsWithOrg(policy, org);
  if (problems.length > 0)
    throw new Error(
      `config/policy.yaml does not fit the synthetic office: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
    );
  return {
    config: { org, policy },
    people: benchPeople,
    chatCount: chats,
    dutyChatId: DUTY_CHAT,
    leadersChatId: LEADERS_CHAT,
  };
}
