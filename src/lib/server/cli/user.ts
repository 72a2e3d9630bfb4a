import { parseArgs } from 'node:util';
import { ROLES, USER_AGENCIES } from '../auth/roles';
import { loadConfig } from '../config';
import { ApiError } from '../errors';
import { addUser, changeUser, listUsers, resetPassword, setUserDisabled } from '../services/users';
import { withDatabase } from './with-database';

const usage = `Usage:
  npm run user -- add --username U --role R --agency A [--unit UNIT]
                                                         password on standard input, or generated
  npm run user -- list
  npm run user -- disable --username U                   also ends the user's sessions
  npm run user -- enable --username U
  npm run user -- reset-password --username U            password on standard input, or generated
  npm run user -- change --username U [--role R] [--agency A] [--unit UNIT | --unit none]

Roles: ${ROLES.join(', ')}. Agencies: ${USER_AGENCIES.join(', ')}.
Units: a named unit of the user's agency (e.g. bp_vinh_xuong, hq_tinh_bien); reports shared with
named units reach its users. \`npm run user -- list\` shows each user's unit.
With standard input from a terminal (nothing piped in), a strong password is generated and shown once.
Every change is recorded in the audit log as made by 'cli'. Admins can do the same on the /users page.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    role: { type: 'string' },
    agency: { type: 'string' },
    unit: { type: 'string' },
    help: { type: 'boolean' },
  },
});
const [command] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (values.help || !command) fail(usage);
if (!['add', 'list', 'disable', 'enable', 'reset-password', 'change'].includes(command))
  fail(`Unknown command '${command}'.\n\n${usage}`);
if (command !== 'list' && !values.username) fail(`--username is required.\n\n${usage}`);
if (command === 'add' && (!values.role || !values.agency))
  fail(`add needs --role and --agency.\n\n${usage}`);
if (command === 'change' && !values.role && !values.agency && values.unit === undefined)
  fail(`change needs --role, --agency or --unit.\n\n${usage}`);

/** `--unit none` (or an empty value) removes the unit; absent leaves it as it is. */
const unit =
  values.unit === undefined
    ? undefined
    : values.unit === '' || values.unit === 'none'
      ? null
      : values.unit;

/** The password piped on standard input (first line), or undefined when stdin is a terminal. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const line = text.split(/\r?\n/)[0];
  return line === '' ? undefined : line;
}

const username = values.username?.toLowerCase() ?? '';
const password =
  command === 'add' || command === 'reset-password' ? await passwordFromStdin() : undefined;

await withDatabase(async ({ sql }) => {
  try {
    if (command === 'add') {
      const { user, generatedPassword } = await addUser(sql, {
        username,
        role: values.role!,
        agency: values.agency!,
        unit,
        password,
      });
      const ofUnit = user.unit ? `, ${user.unit}` : '';
      console.log(`Added ${user.username} (${user.role}, ${user.agency}${ofUnit}).`);
      if (generatedPassword) console.log(`Password (shown once): ${generatedPassword}`);
    } else if (command === 'list') {
      const users = await listUsers(sql, {
        now: new Date(),
        idleMinutes: loadConfig().sessionIdleMinutes,
      });
      for (const u of users) {
        const signIn = u.last_sign_in_at
          ? `last sign-in ${u.last_sign_in_at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          : 'never signed in';
        console.log(
          `${u.username.padEnd(24)} ${u.role.padEnd(10)} ${u.agency.padEnd(13)} ${(u.unit ?? '-').padEnd(14)} ${(u.disabled ? 'disabled' : 'active').padEnd(9)} ${signIn}, ${u.active_sessions} session(s)`,
        );
      }
    } else if (command === 'disable' || command === 'enable') {
      const { sessionsEnded } = await setUserDisabled(sql, username, command === 'disable');
      console.log(
        command === 'disable'
          ? `Disabled ${username}; ended ${sessionsEnded} session(s).`
          : `Enabled ${username}.`,
      );
    } else if (command === 'change') {
      const user = await changeUser(sql, username, {
        role: values.role,
        agency: values.agency,
        unit,
      });
      const ofUnit = user.unit ? `, ${user.unit}` : ', no unit';
      console.log(`${user.username} is now ${user.role}, ${user.agency}${ofUnit}.`);
    } else {
      const { generatedPassword, sessionsEnded } = await resetPassword(sql, username, password);
      console.log(`New password set for ${username}; ended ${sessionsEnded} session(s).`);
      if (generatedPassword) console.log(`Password (shown once): ${generatedPassword}`);
    }
    return true;
  } catch (error) {
    if (error instanceof ApiError) {
      console.error(`Refused: ${error.message}`);
      return false;
    }
    throw error;
  }
});
