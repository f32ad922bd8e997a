import { createInterface } from "node:readline";
import type { Command } from "commander";
import { Option } from "commander";
import { createUser, listMembers, listUsers, removeMember, setMember, setPassword } from "../auth/accounts";
import { getProjectByName } from "../corpus/projects";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locale";
import { ACCOUNT_MESSAGES, bothAccount, type AccountMessages } from "./account-messages";
import { openDb } from "./db";
import { CLI_MESSAGES } from "./messages";
import { emit } from "./output";

/** Reads all of standard input when it is piped (scripts, tests). */
async function pipedLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    out._writeToOutput = () => undefined;
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

/** The new password: typed twice on a terminal, else the first line of standard input. */
async function newPassword(m: AccountMessages): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await pipedLine();
    if (!line) throw new AppError("invalid_input", bothAccount((x) => x.users.noPassword));
    return line;
  }
  const first = await askHidden(m.users.password);
  const second = await askHidden(m.users.repeat);
  if (first !== second) throw new AppError("invalid_input", bothAccount((x) => x.users.mismatch));
  return first;
}

export function registerAccountCommands(program: Command, locale: Locale) {
  const m = ACCOUNT_MESSAGES[locale];
  const common = CLI_MESSAGES[locale];

  const users = program.command("users").description(m.users.description);
  users
    .command("add")
    .description(m.users.add)
    .argument("<name>", m.users.name)
    .option("--admin", m.users.admin)
    .option("--json", common.json)
    .action(async (name: string, o: { admin?: boolean; json?: boolean }) => {
      const db = await openDb();
      const password = await newPassword(m);
      const user = await createUser(db, { name, password, isAdmin: !!o.admin });
      emit(!!o.json, { user: { id: user.id, name: user.name, isAdmin: user.isAdmin } }, () => m.users.added(user.name, user.isAdmin));
    });
  users
    .command("list")
    .description(m.users.list)
    .option("--json", common.json)
    .action(async (o: { json?: boolean }) => {
      const db = await openDb();
      const list = await listUsers(db);
      emit(!!o.json, { users: list }, () => list.map((u) => m.users.line(u.name, u.isAdmin, u.canSignIn)).join("\n") || m.users.none);
    });
  users
    .command("passwd")
    .description(m.users.passwd)
    .argument("<name>", m.users.name)
    .option("--json", common.json)
    .action(async (name: string, o: { json?: boolean }) => {
      const db = await openDb();
      const password = await newPassword(m);
      await setPassword(db, name, password);
      emit(!!o.json, { changed: name }, () => m.users.changed(name));
    });

  const members = program.command("members").description(m.members.description);
  members
    .command("add")
    .description(m.members.add)
    .requiredOption("--project <name>", common.project)
    .requiredOption("--user <name>", m.members.user)
    .addOption(new Option("--role <role>", m.members.role).choices(["owner", "coder", "viewer"]).makeOptionMandatory())
    .option("--json", common.json)
    .action(async (o: { project: string; user: string; role: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const member = await setMember(db, { projectId: project.id, userName: o.user, role: o.role });
      emit(!!o.json, { member }, () => m.members.added(member.name, member.role, project.name));
    });
  members
    .command("list")
    .description(m.members.list)
    .requiredOption("--project <name>", common.project)
    .option("--json", common.json)
    .action(async (o: { project: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const list = await listMembers(db, project.id);
      emit(!!o.json, { members: list }, () => list.map((x) => m.members.line(x.name, x.role)).join("\n") || m.members.none);
    });
  members
    .command("remove")
    .description(m.members.remove)
    .requiredOption("--project <name>", common.project)
    .requiredOption("--user <name>", m.members.user)
    .option("--json", common.json)
    .action(async (o: { project: string; user: string; json?: boolean }) => {
      const db = await openDb();
      const project = await getProjectByName(db, o.project);
      const { removed } = await removeMember(db, { projectId: project.id, userName: o.user });
      emit(!!o.json, { removed }, () => m.members.removed(o.user, project.name, removed));
    });
}
