/** What a chat client sends, validated per message, and what the room sends every member. */
import { IsIn, IsInt, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ChatMessage {
  /** What the member said: 1 to 500 characters. */
  @IsString() @MinLength(1) @MaxLength(500)
  text!: string;
}

export class ChatEvent {
  /** `joined` and `left` when a member comes and goes, `message` when one speaks. */
  @IsIn(['joined', 'left', 'message'])
  type!: 'joined' | 'left' | 'message';

  @IsString()
  from!: string;

  @IsOptional() @IsString()
  text?: string;
}

export class RoomInfo {
  @IsString()
  room!: string;

  /** Members connected to this worker. */
  @IsInt()
  members!: number;
}
