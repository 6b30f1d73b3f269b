"""Local emulator of the OCI Generative AI, OCI Vision and Huawei DataArts Fabric control planes (test only)."""

from .server import Emulator, EmulatorHandle, start_emulator

__all__ = ['Emulator', 'EmulatorHandle', 'start_emulator']
