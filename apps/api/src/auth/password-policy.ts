import { invalid } from '@app/common';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DEMO_PASSWORD } from './demo-password.js';

/** zxcvbn scores 0 (guessed at once) to 4; 3 resists an offline attack on a slow hash for a long time. */
export const MIN_PASSWORD_SCORE = 3;

const WARNINGS: Record<string, string> = {
  simpleRepeat: 'ký tự lặp lại như "aaa" rất dễ đoán',
  extendedRepeat: 'chuỗi ký tự lặp lại như "abcabc" rất dễ đoán',
  straightRow: 'các phím liền nhau trên bàn phím rất dễ đoán',
  keyPattern: 'mẫu gõ phím ngắn rất dễ đoán',
  sequences: 'dãy như "abc" hoặc "6543" rất dễ đoán',
  recentYears: 'năm gần đây rất dễ đoán',
  dates: 'ngày tháng rất dễ đoán',
  topTen: 'đây là một trong những mật khẩu phổ biến nhất',
  topHundred: 'đây là một mật khẩu rất phổ biến',
  common: 'đây là một mật khẩu phổ biến',
  similarToCommon: 'mật khẩu này gần giống một mật khẩu phổ biến',
  wordByItself: 'một từ đơn lẻ rất dễ đoán',
  namesByThemselves: 'tên riêng đứng một mình rất dễ đoán',
  userInputs: 'mật khẩu không được chứa e-mail hoặc họ tên của tài khoản',
};

/**
 * The one password rule (@zxcvbn-ts/core with its common-password dictionary): a score of at least
 * 3, judged against the account's own e-mail and name too. The demo password is published in the
 * README, so production refuses it whatever its score.
 */
@Injectable()
export class PasswordPolicy {
  private readonly zxcvbn = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });

  constructor(private readonly config: AppConfig) {}

  /** The Vietnamese reason the password is refused, or null when it is acceptable. */
  refusal(password: string, userInputs: (string | null | undefined)[] = []): string | null {
    if (this.config.isProduction && password === DEMO_PASSWORD)
      return 'Mật khẩu mẫu của bản chạy thử không được dùng trong môi trường thật.';
    const result = this.zxcvbn.check(
      password,
      userInputs.filter((s): s is string => !!s),
    );
    if (result.score >= MIN_PASSWORD_SCORE) return null;
    const why = result.feedback.warning ? WARNINGS[result.feedback.warning] : undefined;
    return `Mật khẩu quá dễ đoán${why ? ` (${why})` : ''}: hãy dùng một cụm nhiều từ hoặc thêm chữ, số và ký hiệu không theo quy luật.`;
  }

  /** Throws a 400 naming the field when the password is refused. */
  require(password: string, userInputs: (string | null | undefined)[] = []): void {
    const refusal = this.refusal(password, userInputs);
    if (refusal) throw invalid(refusal, [{ field: 'password', problems: [refusal] }]);
  }
}
