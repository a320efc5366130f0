import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Every dashboard form carries the session's CSRF token (checked by the guard); the body DTOs accept it. */
export class AdminFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(128)
  _csrf?: string;
}
