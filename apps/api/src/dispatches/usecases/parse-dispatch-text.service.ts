import { invalid } from '@app/common';
import { Injectable } from '@nestjs/common';
import { type DispatchText, parseDispatchText } from '../text/dispatch-text.js';

/** Reads a pasted dispatch (Decree 30 layout) into its fields, so the web can prefill the compose form. */
@Injectable()
export class ParseDispatchTextService {
  parse(text: string): DispatchText {
    try {
      return parseDispatchText(text);
    } catch (e) {
      // The parser names the part it could not find; a malformed "Số:" line fails inside a regex match.
      const detail =
        e instanceof Error && /^Văn bản/.test(e.message) ? e.message : 'Không đọc được số, ký hiệu hoặc ngày tháng của văn bản.';
      throw invalid(`${detail} Hãy dán toàn văn công văn, từ quốc hiệu đến người ký, hoặc điền từng trường.`);
    }
  }
}
