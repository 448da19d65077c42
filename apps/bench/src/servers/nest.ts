/**
 * NestJS on Fastify with the global ValidationPipe (class-validator + class-transformer), the setup
 * Nest's docs recommend for validated DTOs.
 */
import 'reflect-metadata';
import {
  Body, Controller, DefaultValuePipe, Get, HttpCode, Module, Param, ParseIntPipe, Post, Query, ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsNumber, IsString } from 'class-validator';
import { HOST, type StartServer } from './server.js';

class CreateItem {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

@Controller()
class ItemsController {
  @Get('hello')
  hello(@Query('name', new DefaultValuePipe('world')) name: string) {
    return { message: `Hello, ${name}!` };
  }

  @Get('items/:item_id')
  readItem(@Param('item_id', ParseIntPipe) itemId: number, @Query('q') q?: string) {
    return { item_id: itemId, q: q ?? null };
  }

  @Post('items')
  @HttpCode(200)
  createItem(@Body() item: CreateItem) {
    return { created: item.name, price: item.price };
  }
}

@Module({ controllers: [ItemsController] })
class AppModule {}

export const start: StartServer = async (port) => {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));
  await app.listen(port, HOST);
  const address = app.getHttpServer().address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${HOST}:${bound}`, close: () => app.close() };
};
