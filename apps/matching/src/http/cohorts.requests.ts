import { IsNumber, Max, Min } from 'class-validator';

export class WeightsRequest {
  @IsNumber() @Min(0) @Max(100) readonly occupation: number;
  @IsNumber() @Min(0) @Max(100) readonly industry: number;
  @IsNumber() @Min(0) @Max(100) readonly languages: number;
  @IsNumber() @Min(0) @Max(100) readonly skills: number;
  @IsNumber() @Min(0) @Max(100) readonly experience: number;
  @IsNumber() @Min(0) @Max(100) readonly availability: number;
  @IsNumber() @Min(0) @Max(100) readonly location: number;
  @IsNumber() @Min(0) @Max(100) readonly preferences: number;
}
