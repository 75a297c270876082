#!/usr/bin/env bash
# Regenerates the decoder fixtures from one espeak-ng utterance (Debian: espeak-ng sox libsox-fmt-all
# ffmpeg flac). Lossy encoders are not bit-reproducible across versions; the committed files are the
# reference, this script documents how they were made.
set -euo pipefail
cd "$(dirname "$0")"
espeak-ng -v en-us -s 170 "Hello chat, welcome back to the stream." -w utt_pcm16_22050_mono.wav
src=utt_pcm16_22050_mono.wav
sox "$src" -b 8 -e unsigned-integer utt_pcm8_16000_mono.wav rate -v 16000
sox "$src" -b 24 utt_pcm24ext_11025_stereo.wav rate -v 11025 channels 2
sox "$src" -b 32 -e signed-integer utt_pcm32_8000_mono.wav rate -v 8000
sox "$src" -b 32 -e floating-point utt_float32_8000_mono.wav rate -v 8000
flac -s -f --best "$src" -o utt_flac16_22050_mono.flac
sox "$src" -b 24 utt_tmp24.wav rate -v 32000 channels 2 && flac -s -f utt_tmp24.wav -o utt_flac24_32000_stereo.flac && rm utt_tmp24.wav
flac -s -f --ogg "$src" -o utt_oggflac_22050_mono.oga
ffmpeg -v error -y -i "$src" -c:a libmp3lame -b:a 32k utt_mp3_22050_mono.mp3
ffmpeg -v error -y -i "$src" -ar 44100 -ac 2 -c:a libmp3lame -b:a 64k utt_mp3_44100_stereo.mp3
ffmpeg -v error -y -i "$src" -ar 44100 -ac 2 -c:a libvorbis -q:a 2 utt_vorbis_44100_stereo.ogg
ffmpeg -v error -y -i "$src" -ar 16000 -c:a libvorbis -q:a 2 utt_vorbis_16000_mono.ogg
ffmpeg -v error -y -i "$src" -ar 48000 -c:a libopus -b:a 24k utt_opus_48000_mono.opus
ffmpeg -v error -y -i "$src" -ar 48000 -ac 2 -c:a libopus -b:a 48k utt_opus_48000_stereo.opus
