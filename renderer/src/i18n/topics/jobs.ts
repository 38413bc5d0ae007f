/** 書き出しや名札の一括作成など、時間のかかる作業の進み具合の文言。 */
const ja = {
  steps: {
    starting: '準備しています',
    reading: 'データを読み込んでいます',
    building: 'ファイルを作成しています',
    finishing: '仕上げています',
  },
  stepOf: '{{step}}…（{{done, number}}/{{steps, number}}）',
  doorKeepsWorking: 'この間も受付はそのまま続けられます。',
};

const en: typeof ja = {
  steps: {
    starting: 'Getting ready',
    reading: 'Reading the data',
    building: 'Building the file',
    finishing: 'Finishing',
  },
  stepOf: '{{step}}… ({{done, number}}/{{steps, number}})',
  doorKeepsWorking: 'Check-in at the door carries on meanwhile.',
};

export const jobs = { ja, en };
