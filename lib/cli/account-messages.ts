import type { Bilingual, Locale } from "../i18n/locale";

/** The texts of `juncture users …` and `juncture members …`, in English and Chinese. */
const en = {
  users: {
    description: "accounts of a team server: add, list, set a password",
    add: "create an account (the password is asked for, or read from the first line of standard input)",
    admin: "an administrator: sees and manages every project",
    list: "list the accounts",
    passwd: "set a user's password (their sessions end)",
    name: "user name",
    password: "Password: ",
    repeat: "Password again: ",
    mismatch: "the two passwords differ",
    noPassword: "no password given (type it, or pipe it on standard input)",
    added: (name: string, admin: boolean) => `✓ user ${name}${admin ? " (administrator)" : ""} created`,
    changed: (name: string) => `✓ password of ${name} set; their sessions were ended`,
    none: "no users",
    line: (name: string, admin: boolean, canSignIn: boolean) =>
      `${name}${admin ? "  administrator" : ""}${canSignIn ? "" : "  (no password: cannot sign in)"}`,
  },
  members: {
    description: "members of a project and their roles (owner, coder, viewer)",
    add: "add a user to a project with a role, or change their role",
    list: "list a project's members",
    remove: "remove a user from a project",
    user: "user name",
    role: "owner | coder | viewer",
    added: (user: string, role: string, project: string) => `✓ ${user} is ${role} of ${project}`,
    removed: (user: string, project: string, was: boolean) => (was ? `✓ ${user} removed from ${project}` : `${user} was not a member of ${project}`),
    none: "no members",
    line: (user: string, role: string) => `${user}  ${role}`,
  },
};

export type AccountMessages = typeof en;

const zh: AccountMessages = {
  users: {
    description: "团队服务器的账户：添加、列出、设置密码",
    add: "创建账户（会提示输入密码，或从标准输入的第一行读取）",
    admin: "管理员：可查看和管理所有项目",
    list: "列出账户",
    passwd: "设置用户密码（其登录会话将结束）",
    name: "用户名",
    password: "密码：",
    repeat: "再次输入密码：",
    mismatch: "两次输入的密码不一致",
    noPassword: "未提供密码（请输入，或通过标准输入传入）",
    added: (name, admin) => `✓ 已创建用户 ${name}${admin ? "（管理员）" : ""}`,
    changed: (name) => `✓ 已设置 ${name} 的密码，其登录会话已结束`,
    none: "暂无用户",
    line: (name, admin, canSignIn) => `${name}${admin ? "  管理员" : ""}${canSignIn ? "" : "  （无密码，无法登录）"}`,
  },
  members: {
    description: "项目成员及其角色（owner 所有者、coder 编码员、viewer 查看者）",
    add: "将用户加入项目并指定角色，或修改其角色",
    list: "列出项目成员",
    remove: "将用户移出项目",
    user: "用户名",
    role: "owner | coder | viewer",
    added: (user, role, project) => `✓ ${user} 现为 ${project} 的 ${role}`,
    removed: (user, project, was) => (was ? `✓ 已将 ${user} 移出 ${project}` : `${user} 不是 ${project} 的成员`),
    none: "暂无成员",
    line: (user, role) => `${user}  ${role}`,
  },
};

export const ACCOUNT_MESSAGES: Record<Locale, AccountMessages> = { en, zh };

export function bothAccount(pick: (m: AccountMessages) => string): Bilingual {
  return { en: pick(en), zh: pick(zh) };
}
