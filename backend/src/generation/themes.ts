import { z } from 'zod';
import { commonImageParams, modelPricing, planTextToImage, type CommonImageInput, type TextToImageModelId } from './models.ts';
import { defineTool, type CatalogTool } from './tool.ts';

const detail = (title: string, max = 120) => z.string().trim().max(max).optional().meta({ title });
const choice = <T extends readonly [string, ...string[]]>(title: string, values: T, fallback: T[number]) =>
  z.enum(values).default(fallback).meta({ title });

interface ThemeDef<Shape extends z.ZodRawShape> {
  id: string;
  name: string;
  description: string;
  model: TextToImageModelId;
  options: Shape;
  /** The curated prompt: the user's options slotted into a template written for the model. */
  template: (o: z.output<z.ZodObject<Shape>>) => { prompt: string; negative_prompt?: string };
}

function defineTheme<Shape extends z.ZodRawShape>(def: ThemeDef<Shape>): CatalogTool {
  const params = z.strictObject({ ...def.options, ...commonImageParams(def.model) });
  return defineTool({
    id: `theme/${def.id}`,
    name: def.name,
    kind: 'text-to-image',
    group: 'theme',
    description: def.description,
    params,
    pricing: modelPricing(def.model, { nativeStyles: false }),
    model: `text-to-image/${def.model}`,
    plan: (input) => {
      const { aspect_ratio, num_images, seed, safety, ...options } = input as CommonImageInput;
      const { prompt, negative_prompt } = def.template(options as z.output<z.ZodObject<Shape>>);
      return planTextToImage(def.model, { prompt, negative_prompt, aspect_ratio, num_images, seed, safety, style: 'none' });
    },
  });
}

const join = (...parts: Array<string | undefined>) => parts.filter((p) => p && p.trim() !== '').join(', ');

/** Themed generators: each a curated prompt template with its own small form. */
export const THEMES = [
  defineTheme({
    id: 'cars',
    name: 'Cars',
    description: 'Automotive photography: pick a body style, colour and setting.',
    model: 'flux-dev',
    options: {
      body_style: choice('Body style', ['sports coupe', 'hypercar', 'classic muscle car', 'vintage roadster', 'luxury sedan', 'electric crossover', 'off-road SUV', 'pickup truck'], 'sports coupe'),
      color: detail('Colour', 40),
      setting: choice('Setting', ['mountain pass', 'neon city at night', 'studio cyclorama', 'desert highway', 'race track', 'rainy street', 'coastal road'], 'mountain pass'),
      time_of_day: choice('Light', ['golden hour', 'blue hour', 'midday sun', 'night'], 'golden hour'),
      details: detail('Extra details'),
    },
    template: (o) => ({
      prompt: join(`A ${o.color ? `${o.color} ` : ''}${o.body_style}`, `${o.setting}`, o.time_of_day, o.details, 'professional automotive photography, three-quarter front view, sharp reflections, high detail'),
    }),
  }),
  defineTheme({
    id: 'nail-art',
    name: 'Nail art',
    description: 'Manicure designs: shape, length, design and finish.',
    model: 'flux-dev',
    options: {
      nail_shape: choice('Nail shape', ['almond', 'coffin', 'square', 'squoval', 'oval', 'stiletto', 'round'], 'almond'),
      nail_length: choice('Length', ['short', 'medium', 'long', 'extra long'], 'medium'),
      design: choice('Design', ['french tip', 'floral', 'marble', 'ombre', 'glitter', 'chrome', 'minimal line art', 'abstract', 'animal print'], 'french tip'),
      finish: choice('Finish', ['glossy', 'matte', 'metallic', 'holographic'], 'glossy'),
      colors: detail('Colours', 60),
    },
    template: (o) => ({
      prompt: join(`Close-up of a manicured hand with ${o.nail_length} ${o.nail_shape} nails`, `${o.design} nail art`, o.colors ? `in ${o.colors}` : undefined, `${o.finish} finish`, 'beauty salon photography, soft diffused light, macro detail, clean neutral background'),
    }),
  }),
  defineTheme({
    id: 'logo',
    name: 'Logos',
    description: 'Logo concepts with your brand name, rendered cleanly on a plain background.',
    model: 'ideogram-v3',
    options: {
      brand_name: z.string().trim().min(1, 'enter the brand name').max(40).meta({ title: 'Brand name' }),
      business: detail('What the business does', 80),
      logo_type: choice('Logo type', ['wordmark', 'lettermark', 'emblem', 'mascot', 'abstract mark', 'combination mark'], 'combination mark'),
      mood: choice('Mood', ['minimal', 'playful', 'luxury', 'techy', 'organic', 'bold'], 'minimal'),
      colors: detail('Colours', 60),
    },
    template: (o) => ({
      prompt: join(`A ${o.mood} ${o.logo_type} logo for "${o.brand_name}"`, o.business ? `a ${o.business}` : undefined, o.colors ? `colours: ${o.colors}` : undefined, 'vector logo design, centered, flat, plain white background, crisp edges, professional branding'),
      negative_prompt: 'photo, mockup, 3d render, busy background, gradients, watermark, misspelled text',
    }),
  }),
  defineTheme({
    id: 'tattoo',
    name: 'Tattoos',
    description: 'Tattoo flash designs in classic styles, ready to show your artist.',
    model: 'recraft-v3',
    options: {
      subject: z.string().trim().min(1, 'describe the tattoo').max(200).meta({ title: 'Subject' }),
      tattoo_style: choice('Style', ['fine line', 'American traditional', 'neo-traditional', 'blackwork', 'Japanese irezumi', 'geometric', 'dotwork', 'watercolor'], 'fine line'),
      placement: choice('Placement', ['forearm', 'upper arm', 'shoulder', 'back', 'wrist', 'ankle', 'chest', 'calf'], 'forearm'),
      color: choice('Colour', ['black and grey', 'full colour'], 'black and grey'),
    },
    template: (o) => ({
      prompt: join(`${o.tattoo_style} tattoo design of ${o.subject}`, `${o.color}`, `composed for the ${o.placement}`, 'tattoo flash sheet, clean linework, white background, high contrast'),
    }),
  }),
  defineTheme({
    id: 'interior',
    name: 'Interiors',
    description: 'Interior design ideas for any room and style.',
    model: 'flux-dev',
    options: {
      room: choice('Room', ['living room', 'bedroom', 'kitchen', 'bathroom', 'home office', 'dining room', 'kids room'], 'living room'),
      interior_style: choice('Style', ['Scandinavian', 'Japandi', 'mid-century modern', 'industrial', 'minimalist', 'bohemian', 'art deco', 'coastal'], 'Scandinavian'),
      palette: detail('Colour palette', 60),
      lighting: choice('Lighting', ['bright daylight', 'warm evening', 'moody'], 'bright daylight'),
    },
    template: (o) => ({
      prompt: join(`A ${o.interior_style} ${o.room}`, o.palette ? `colour palette of ${o.palette}` : undefined, `${o.lighting} lighting`, 'interior design photography, wide angle, styled, architectural digest, realistic materials'),
    }),
  }),
  defineTheme({
    id: 'product',
    name: 'Product shots',
    description: 'Studio and lifestyle product photography.',
    model: 'imagen4',
    options: {
      product: z.string().trim().min(1, 'describe the product').max(200).meta({ title: 'Product' }),
      backdrop: choice('Backdrop', ['seamless white studio', 'marble slab', 'wooden table', 'pastel gradient', 'moss and stones', 'water splash', 'podium with shadows'], 'seamless white studio'),
      lighting: choice('Lighting', ['soft box', 'hard light with crisp shadows', 'golden hour', 'neon rim light'], 'soft box'),
      angle: choice('Angle', ['front', 'three-quarter', 'top-down flat lay', 'low hero angle'], 'three-quarter'),
    },
    template: (o) => ({
      prompt: join(`Commercial product photograph of ${o.product}`, `on a ${o.backdrop}`, `${o.lighting}`, `${o.angle} view`, 'advertising quality, sharp focus, high detail'),
    }),
  }),
  defineTheme({
    id: 'portrait',
    name: 'Portraits',
    description: 'Portraits of invented people in classic photographic styles.',
    model: 'flux-pro-ultra',
    options: {
      subject: z.string().trim().min(1, 'describe the person').max(200).meta({ title: 'Subject' }),
      portrait_style: choice('Style', ['studio headshot', 'editorial', 'environmental', 'black and white', 'cinematic', 'fine art'], 'studio headshot'),
      lighting: choice('Lighting', ['Rembrandt', 'butterfly', 'window light', 'neon', 'backlit'], 'window light'),
      background: detail('Background', 80),
    },
    template: (o) => ({
      prompt: join(`${o.portrait_style} portrait of ${o.subject}`, `${o.lighting} lighting`, o.background ? `background: ${o.background}` : undefined, '85mm lens, natural skin texture, shallow depth of field'),
    }),
  }),
];
