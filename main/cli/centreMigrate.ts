import {
  isMigrationRefusal,
  MigrationCheckError,
  migrateToCentre,
  type PgConfig,
} from '../core/centre/migrate';
import { parseMigrateArgs } from './migrateArgs';
import { progressLine, reportLines } from './migrateReport';
import { terminalPrompt, type Prompt } from './prompt';

// `npm run centre:migrate -- …` (issue 17): moves a desk's data (a county centre that started on
// one PC) into the centre's empty PostgreSQL database and verifies it (main/core/centre/
// migrate.ts). Built as its own bundle (out/main/centreMigrate.cjs), so it runs where the app is
// installed, without the development tools. Exit code 0: migrated and verified; 1: refused or
// not verified, nothing kept on the centre; 2: the command line was wrong.

async function secret(prompt: Prompt, env: string, question: string, hidden: boolean): Promise<string> {
  const given = process.env[env];
  if (given) return given;
  const answer = await prompt.ask(question, { hidden });
  if (!answer) throw new Error(`${question.replace(/[：:]\s*$/, '')}不能为空`);
  return answer;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseMigrateArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const prompt = terminalPrompt();
  let centre: PgConfig;
  let username: string;
  let password: string;
  try {
    centre = {
      ...args.centre,
      password: await secret(prompt, 'DESK_PG_PASSWORD', `数据库账号 ${args.centre.user} 的密码：`, true),
    };
    username = await secret(prompt, 'DESK_ADMIN_USER', '本机管理员用户名：', false);
    password = await secret(prompt, 'DESK_ADMIN_PASSWORD', `管理员 ${username} 的密码：`, true);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  } finally {
    prompt.close();
  }

  const where = `${centre.host}:${centre.port}/${centre.database}`;
  console.log(`把 ${args.dataDir} 中的数据迁移到县中心数据库 ${where}。本机数据只读取，不会改动。`);
  try {
    const report = await migrateToCentre({
      dataDir: args.dataDir,
      username,
      password,
      centre,
      onProgress: (p) => {
        const line = progressLine(p);
        if (line) console.log(line);
      },
    });
    console.log('');
    for (const line of reportLines(report)) console.log(line);
    console.log('');
    console.log(
      `迁移完成，全部核对一致。今后请各工作台用“连接县中心数据库”连接 ${where}，用原来的账号和密码登录；` +
        '本机不要再录入新数据（之后的录入不会进入县中心）。',
    );
    return 0;
  } catch (error) {
    if (error instanceof MigrationCheckError) {
      console.error('');
      for (const line of reportLines(error.report)) console.error(line);
      console.error('');
    }
    if (isMigrationRefusal(error)) console.error(error.message);
    else {
      console.error('迁移失败，县中心数据库没有保存任何数据，本机数据未改动。原因：');
      console.error(error);
    }
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
