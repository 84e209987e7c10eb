import { DomainException, ErrorCode } from '@app/common';
import { AppConfig } from '@app/config';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';

/**
 * Multer stops an oversize upload with a bare "File too large"; this says the limit in words the
 * officer can act on. Listed before the FileInterceptor so it wraps it.
 */
@Injectable()
export class UploadTooLargeInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((e: unknown) =>
          throwError(() =>
            e instanceof PayloadTooLargeException
              ? new DomainException(
                  ErrorCode.PayloadTooLarge,
                  `Tệp quá lớn: tối đa ${this.config.MAX_UPLOAD_MB} MB mỗi tệp. Hãy giảm dung lượng (nén ảnh, cắt video) hoặc chọn tệp khác rồi gửi lại.`,
                )
              : e,
          ),
        ),
      );
  }
}
